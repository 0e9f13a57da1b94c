package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.SprocTest.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Wait;

/** blockproc(2) and its relatives, PR_BLOCK, and the prctl(2) options, as the IRIX manual pages give them. */
class BlockprocTest {

    @Test
    void the_block_count_is_a_counting_semaphore() {
        // blockproc(2): "Each call to blockproc decrements the count. When the count becomes negative, the process is
        // suspended. When unblockproc is called, the count is incremented. If the count becomes non-negative (>= 0),
        // the process is restarted."
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int me = sys.getpid();
            sys.unblockproc(me); // count 1: the next block does not suspend
            long t0 = sys.cpu().cycles();
            sys.blockproc(me);
            boolean noSleep = sys.prctl(Prctl.PR_ISBLOCKED, 0) == 0;
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                s.blockproc(s.getpid());
                s.blockproc(s.getpid()); // blocked again: the second unblockproc lets it go
                s.cpu().store32(arg, 1);
                return 0;
            }, Prctl.PR_SALL, cell);
            while (sys.prctl(Prctl.PR_ISBLOCKED, c) != 1) sys.sched_yield();
            sys.unblockproc(c);
            sys.sleep(1);
            int afterOne = sys.cpu().load32(cell);
            sys.unblockproc(c);
            waitFor(sys, c);
            Sim.puts(sys, noSleep + " " + afterOne + " " + sys.cpu().load32(cell) + " " + (sys.cpu().cycles() > t0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true 0 1 true\n");
    }

    @Test
    void setblockproccnt_forces_the_count_and_unblocks_or_blocks_by_its_sign() {
        // "If the resulting block count is greater than or equal to zero and the process is currently blocked, it
        // will be unblocked. If the resulting block count is less than zero, the process will be blocked."
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                while (true) {
                    s.cpu().store32(arg, s.cpu().load32(arg) + 1);
                    s.sched_yield();
                    if (s.cpu().load32(arg + 4) != 0) return 0;
                }
            }, Prctl.PR_SALL, cell);
            while (sys.cpu().load32(cell) < 3) sys.sched_yield();
            sys.setblockproccnt(c, -5);
            sys.sleep(1);
            int frozen = sys.cpu().load32(cell);
            sys.sleep(1);
            boolean still = sys.cpu().load32(cell) == frozen && sys.prctl(Prctl.PR_ISBLOCKED, c) == 1;
            sys.cpu().store32(cell + 4, 1);
            sys.setblockproccnt(c, 0);
            waitFor(sys, c);
            Sim.puts(sys, still + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true\n");
    }

    @Test
    void the_all_forms_act_on_every_member_of_the_share_group() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int[] kids = new int[3];
            for (int i = 0; i < 3; i++) {
                kids[i] = sys.sproc((s, arg, len) -> {
                    s.blockproc(s.getpid());
                    s.cpu().store32(arg, 1);
                    return 0;
                }, Prctl.PR_SALL, cell + 4L * i);
            }
            for (int k : kids) while (sys.prctl(Prctl.PR_ISBLOCKED, k) != 1) sys.sched_yield();
            // The caller is a member too: unblocking all makes its own count 1 first.
            sys.unblockprocall(kids[0]);
            for (int k : kids) waitFor(sys, k);
            Sim.puts(sys, sys.cpu().load32(cell) + sys.cpu().load32(cell + 4) + sys.cpu().load32(cell + 8) + " "
                    + sys.prctl(Prctl.PR_ISBLOCKED, 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("3 0\n");
    }

    @Test
    void a_blocked_process_wakes_early_only_for_a_signal_that_kills_it() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                s.sigaction(Signals.SIGUSR1, sprocket.api.sys.Sigaction.of((hs, sig) -> s.cpu().store32(arg, 7)), null);
                s.blockproc(s.getpid());
                return 0;
            }, Prctl.PR_SALL, cell);
            while (sys.prctl(Prctl.PR_ISBLOCKED, c) != 1) sys.sched_yield();
            sys.kill(c, Signals.SIGUSR1);
            sys.sleep(1);
            boolean stillBlocked = sys.prctl(Prctl.PR_ISBLOCKED, c) == 1;
            sys.kill(c, Signals.SIGKILL);
            int st = waitFor(sys, c);
            Sim.puts(sys, stillBlocked + " " + Signals.name(Wait.WTERMSIG(st)));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true SIGKILL\n");
    }

    @Test
    void errors_ESRCH_EPERM_and_EINVAL() {
        var o = Sim.with().program("t", (sys, argv) -> {
            StringBuilder out = new StringBuilder();
            out.append(sys.blockproc(9999) == -1 ? Errno.name(sys.errno()) : "ok").append(' ');
            out.append(sys.setblockproccnt(sys.getpid(), Prctl.PR_MAXBLOCKCNT + 1) == -1 ? Errno.name(sys.errno()) : "ok");
            int root = sys.fork(s -> s.pause());
            sys.setuid(100);
            out.append(' ').append(sys.blockproc(root) == -1 ? Errno.name(sys.errno()) : "ok");
            out.append(' ').append(sys.prctl(Prctl.PR_ISBLOCKED, root) == -1 ? Errno.name(sys.errno()) : "ok");
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ESRCH EINVAL EPERM EPERM\n");
    }

    @Test
    void PR_BLOCK_blocks_the_caller_after_a_successful_sproc() {
        // PR_BLOCK "causes the calling process to be blocked [see blockproc(2)] before returning from a successful
        // call. This can be used to allow the child process access to the parent's stack without the possibility of
        // collision."
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                s.cpu().burn(100_000);
                s.cpu().store32(arg, 1);
                s.unblockproc(s.getppid());
                return 0;
            }, Prctl.PR_SALL | Prctl.PR_BLOCK, cell);
            int seen = sys.cpu().load32(cell);
            waitFor(sys, c);
            Sim.puts(sys, seen + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1\n");
    }

    @Test
    void PR_UNBLKONEXEC_unblocks_the_process_when_the_caller_execs() {
        var o = Sim.with("hw.cpus=2").program("true", (sys, argv) -> 0).program("t", (sys, argv) -> {
            int me = sys.getpid();
            int c = sys.sproc((s, arg, len) -> {
                s.prctl(Prctl.PR_UNBLKONEXEC, arg);
                s.unblockproc((int) arg); // the parent may go on to its blockproc
                return s.execv("/bin/true", new String[] {"true"});
            }, Prctl.PR_SALL | Prctl.PR_BLOCK, me);
            // PR_BLOCK: blocked until the child's unblockproc; then blocked again until its exec.
            sys.blockproc(me);
            int st = waitFor(sys, c);
            Sim.puts(sys, Wait.WEXITSTATUS(st) + "");
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("0\n");
    }

    @Test
    void PR_TERMCHILD_the_child_gets_SIGHUP_when_its_parent_exits() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] fds = new int[2];
            sys.pipe(fds);
            int mid = sys.fork(s -> {
                s.fork(s2 -> {
                    s2.prctl(Prctl.PR_TERMCHILD);
                    s2.signal(Signals.SIGHUP, (hs, sig) -> s2.write(fds[1], new byte[] {'H'}, 0, 1));
                    s2.close(fds[0]);
                    s2.pause();
                    return 0;
                });
                s.sleep(1);
                return 0;
            });
            waitFor(sys, mid);
            sys.close(fds[1]);
            byte[] b = new byte[1];
            int n = sys.read(fds[0], b, 0, 1);
            Sim.puts(sys, n + " " + (char) b[0]);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1 H\n");
    }

    @Test
    void prctl_stack_size_and_unknown_options() {
        var o = Sim.with("hw.cpus=3").program("t", (sys, argv) -> {
            long old = sys.prctl(Prctl.PR_GETSTACKSIZE);
            long set = sys.prctl(Prctl.PR_SETSTACKSIZE, 256 * 1024);
            Rlimit[] lim = new Rlimit[1];
            sys.getrlimit(Rlimit.RLIMIT_STACK, lim);
            boolean unknown = sys.prctl(999) == -1 && sys.errno() == Errno.EINVAL;
            boolean badSig = sys.prctl(Prctl.PR_SETEXITSIG, 99) == -1 && sys.errno() == Errno.EINVAL;
            boolean notMember = sys.prctl(Prctl.PR_GETSHMASK, 0) == -1 && sys.errno() == Errno.EINVAL;
            Sim.puts(sys, (old > 0) + " " + set + " " + lim[0].cur() + " " + lim[0].max() + " "
                    + sys.prctl(Prctl.PR_MAXPPROCS) + " " + unknown + " " + badSig + " " + notMember);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true 262144 262144 262144 3 true true true\n");
    }

    /**
     * blockproc(2) fails with EPERM for a process the caller may not block, and init is one that nobody may block,
     * root included: nothing could then reap orphans or end the system (as init cannot be stopped by a signal it does
     * not catch). A run whose program tried it, leaving a process running forever, still ends: init kills what is left.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void init_cannot_be_blocked_even_by_root_and_the_run_ends_with_a_process_still_running(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            sys.fork(s -> {
                while (true) s.sched_yield();
            });
            StringBuilder out = new StringBuilder();
            out.append(sys.blockproc(1) == -1 ? Errno.name(sys.errno()) : "blocked");
            out.append(' ').append(sys.setblockproccnt(1, -3) == -1 ? Errno.name(sys.errno()) : "set");
            out.append(' ').append(sys.blockprocall(1) == -1 ? Errno.name(sys.errno()) : "blocked");
            out.append(' ').append(sys.prctl(Prctl.PR_ISBLOCKED, 1));
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("EPERM EPERM EPERM 0\n");
    }
}
