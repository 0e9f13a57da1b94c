package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;

/** Resource limits on files and fcntl(2) record locks between processes. */
class FileLimitsAndLocksTest {

    private static int open(Sys sys) {
        return sys.open("/tmp/f", Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
    }

    private static int exitOf(Sys sys, int pid) {
        int[] st = new int[1];
        sys.waitpid(pid, st, 0);
        return Wait.WIFEXITED(st[0]) ? Wait.WEXITSTATUS(st[0]) : 128 + Wait.WTERMSIG(st[0]);
    }

    @Test
    void a_write_past_RLIMIT_FSIZE_is_cut_short_then_delivers_SIGXFSZ_or_fails_with_EFBIG() {
        var o = Sim.with().program("t", (sys, argv) -> {
            byte[] b = new byte[150];
            int killed = sys.fork(s -> {
                s.setrlimit(Rlimit.RLIMIT_FSIZE, new Rlimit(100, Rlimit.RLIM_INFINITY));
                int fd = open(s);
                // write(2): "if the file size limit is reached, a partial write is done".
                if (s.write(fd, b, 0, b.length) != 100) return 1;
                s.write(fd, b, 0, 1);
                return 2;
            });
            int ignoring = sys.fork(s -> {
                s.signal(Signals.SIGXFSZ, SignalHandler.IGNORE);
                s.ulimit(Rlimit.UL_SETFSIZE, 0);
                int fd = s.open("/tmp/g", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644);
                return s.write(fd, b, 0, 1) == -1 && s.errno() == Errno.EFBIG ? 0 : 1;
            });
            Sim.puts(sys, exitOf(sys, killed) + " " + exitOf(sys, ignoring));
            return 0;
        }).run("t");
        // SIGXFSZ's default action is to dump core: 128 + 31.
        assertThat(o.console()).isEqualTo((128 + Signals.SIGXFSZ) + " 0\n");
    }

    @Test
    void RLIMIT_NOFILE_bounds_the_descriptors_and_only_root_may_raise_a_hard_limit() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.setrlimit(Rlimit.RLIMIT_NOFILE, new Rlimit(5, 5));
            int opened = 0;
            while (sys.open("/dev/null", Fcntl.O_RDONLY) >= 0) opened++;
            boolean emfile = sys.errno() == Errno.EMFILE;
            int c = sys.fork(s -> {
                s.setuid(100);
                return s.setrlimit(Rlimit.RLIMIT_NOFILE, new Rlimit(5, 6)) == -1 && s.errno() == Errno.EPERM ? 0 : 1;
            });
            Rlimit[] r = new Rlimit[1];
            sys.getrlimit(Rlimit.RLIMIT_NOFILE, r);
            Sim.puts(sys, opened + " " + emfile + " " + exitOf(sys, c) + " " + r[0].cur());
            return 0;
        }).run("t");
        // Descriptors 0, 1 and 2 are the console; two more fit under a limit of 5.
        assertThat(o.console()).isEqualTo("2 true 0 5\n");
    }

    @Test
    void a_record_lock_held_by_another_process_blocks_or_refuses_and_is_reported_by_F_GETLK() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int fd = open(sys);
            sys.fcntl(fd, Fcntl.F_SETLK, new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 0, 10, 0)});
            int me = sys.getpid();
            int[] go = new int[2];
            sys.pipe(go);
            int c = sys.fork(s -> {
                int cfd = open(s);
                Flock[] want = {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 5, 10, 0)};
                boolean again = s.fcntl(cfd, Fcntl.F_SETLK, want) == -1 && s.errno() == Errno.EAGAIN;
                Flock[] probe = {new Flock(Flock.F_RDLCK, Fcntl.SEEK_SET, 0, 1, 0)};
                s.fcntl(cfd, Fcntl.F_GETLK, probe);
                boolean owner = probe[0].type() == Flock.F_WRLCK && probe[0].pid() == me;
                s.write(go[1], new byte[1], 0, 1);
                // F_SETLKW: sleeps until the parent lets go.
                boolean waited = s.fcntl(cfd, Fcntl.F_SETLKW, want) == 0;
                return again && owner && waited ? 0 : 1;
            });
            sys.read(go[0], new byte[1], 0, 1);
            sys.sleep(1);
            sys.fcntl(fd, Fcntl.F_SETLK, new Flock[] {new Flock(Flock.F_UNLCK, Fcntl.SEEK_SET, 0, 0, 0)});
            return exitOf(sys, c);
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void two_processes_waiting_for_each_others_locks_get_EDEADLK_rather_than_sleeping_forever() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int fd = open(sys);
            sys.fcntl(fd, Fcntl.F_SETLK, new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 0, 1, 0)});
            int[] go = new int[2];
            sys.pipe(go);
            int c = sys.fork(s -> {
                int cfd = open(s);
                s.fcntl(cfd, Fcntl.F_SETLK, new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 1, 1, 0)});
                s.write(go[1], new byte[1], 0, 1);
                s.sleep(1);
                // The parent already waits for byte 1; waiting for byte 0 would close the cycle.
                int r = s.fcntl(cfd, Fcntl.F_SETLKW,
                        new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 0, 1, 0)});
                return r == -1 && s.errno() == Errno.EDEADLK ? 0 : 1;
            });
            sys.read(go[0], new byte[1], 0, 1);
            // Sleeps until the child, failing with EDEADLK and exiting, releases byte 1.
            int r = sys.fcntl(fd, Fcntl.F_SETLKW, new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 1, 1, 0)});
            return r == 0 ? exitOf(sys, c) : 9;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    /**
     * fcntl(2): "EINVAL: cmd is F_DUPFD. arg is either negative, or greater than or equal to the configured value
     * for the maximum number of open file descriptors allowed each user", which a lowered RLIMIT_NOFILE sets; dup2
     * says EBADF for such a fildes2; sysconf(3C)'s _SC_OPEN_MAX follows the limit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_lowered_RLIMIT_NOFILE_bounds_F_DUPFD_with_EINVAL_dup2_with_EBADF_and_sysconf_OPEN_MAX(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            long before = sys.sysconf(Sysconf._SC_OPEN_MAX);
            sys.setrlimit(Rlimit.RLIMIT_NOFILE, new Rlimit(10, 10));
            StringBuilder out = new StringBuilder(before + " " + sys.sysconf(Sysconf._SC_OPEN_MAX));
            out.append(' ').append(sys.fcntl(0, Fcntl.F_DUPFD, 10) == -1 ? Errno.name(sys.errno()) : "ok");
            out.append(' ').append(sys.fcntl(0, Fcntl.F_DUPFD, 9) == 9 ? "9" : Errno.name(sys.errno()));
            out.append(' ').append(sys.dup2(0, 10) == -1 ? Errno.name(sys.errno()) : "ok");
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("200 10 EINVAL 9 EBADF\n");
    }
}
