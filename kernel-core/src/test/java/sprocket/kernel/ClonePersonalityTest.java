package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.SprocTest.waitFor;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Clone;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.SignalHandler;

/** clone(2), the Linux personality, on the share-group mechanism. */
class ClonePersonalityTest {
    static final int ALL = Clone.CLONE_VM | Clone.CLONE_FS | Clone.CLONE_FILES | Clone.CLONE_SIGHAND | Signals.SIGCHLD;

    @Test
    void clone_with_VM_FILES_FS_and_SIGHAND_shares_memory_descriptors_directories_and_handlers() {
        // clone(2): CLONE_VM "the calling process and the child process run in the same memory space"; CLONE_FILES
        // "share the same file descriptor table"; CLONE_FS "share the same filesystem information ... root of the
        // filesystem, the current working directory, and the umask"; CLONE_SIGHAND "share the same table of signal
        // handlers".
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            SignalHandler mine = (s, sig) -> { };
            int c = sys.clone(s -> {
                s.cpu().store32(cell, 9);
                s.cpu().store32(cell + 4, s.open("/tmp/cloned", Fcntl.O_RDWR | Fcntl.O_CREAT, 0600));
                s.chdir("/tmp");
                s.umask(077);
                s.signal(Signals.SIGUSR1, mine);
                return 0;
            }, 0, ALL);
            waitFor(sys, c);
            int fd = sys.cpu().load32(cell + 4);
            boolean open = sys.fstat(fd) != null;
            SignalHandler old = sys.signal(Signals.SIGUSR1, SignalHandler.DEFAULT);
            Sim.puts(sys, sys.cpu().load32(cell) + " " + open + " " + sys.getcwd() + " "
                    + Integer.toOctalString(sys.umask(022))
                    + " " + (old == mine) + " " + sys.prctl(Prctl.PR_GETNSHARE));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("9 true /tmp 77 true 1\n");
    }

    @Test
    void clone_with_SIGCHLD_alone_is_a_fork() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.clone(s -> {
                s.cpu().store32(cell, 9);
                s.chdir("/tmp");
                s.signal(Signals.SIGUSR1, SignalHandler.IGNORE);
                return (int) s.prctl(Prctl.PR_GETNSHARE);
            }, 0, Signals.SIGCHLD);
            int st = waitFor(sys, c);
            SignalHandler old = sys.signal(Signals.SIGUSR1, SignalHandler.DEFAULT);
            Sim.puts(sys, sys.cpu().load32(cell) + " " + sys.getcwd() + " " + (old == SignalHandler.DEFAULT) + " "
                    + sprocket.api.sys.Wait.WEXITSTATUS(st) + " " + sys.prctl(Prctl.PR_GETNSHARE));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 / true 0 0\n");
    }

    @Test
    void flags_the_mechanism_cannot_map_fail_with_EINVAL() {
        var o = Sim.with().program("t", (sys, argv) -> {
            // "EINVAL: CLONE_SIGHAND was specified in the flags mask, but CLONE_VM was not."
            boolean sighand = sys.clone(s -> 0, 0, Clone.CLONE_SIGHAND | Signals.SIGCHLD) == -1
                    && sys.errno() == Errno.EINVAL;
            boolean thread = sys.clone(s -> 0, 0, 0x00010000 | ALL) == -1 && sys.errno() == Errno.EINVAL;
            boolean signal = sys.clone(s -> 0, 0, Clone.CLONE_VM | Signals.SIGUSR1) == -1
                    && sys.errno() == Errno.EINVAL;
            Sim.puts(sys, sighand + " " + thread + " " + signal + " " + sys.prctl(Prctl.PR_GETNSHARE));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true 0\n");
    }
}
