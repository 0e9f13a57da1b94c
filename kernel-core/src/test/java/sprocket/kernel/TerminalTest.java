package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.kernel.Keyboard;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Ioctl;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Termios;
import sprocket.api.sys.Wait;

/** The console as a terminal: termio(7)'s line discipline and POSIX.1's job control, typed at by a script. */
class TerminalTest {

    private static String read(Sys sys, int n) {
        byte[] b = new byte[n];
        int r = sys.read(0, b, 0, n);
        return r < 0 ? "-1 " + Errno.name(sys.errno()) : new String(b, 0, r, StandardCharsets.ISO_8859_1);
    }

    private static Termios attrs(Sys sys) {
        Termios[] t = new Termios[1];
        return sys.tcgetattr(0, t) == 0 ? t[0] : null;
    }

    @Test
    void canonical_input_erases_a_character_with_ERASE_and_the_line_with_KILL_and_echoes_what_it_keeps() {
        // termio(7): "ERASE ... erases the preceding character"; "KILL ... deletes the entire line".
        var o = Sim.with().terminal("ab\177c\nxyz\025ok\n").program("t", (sys, argv) -> {
            String first = read(sys, 100);
            String second = read(sys, 100);
            Sim.puts(sys, "[" + first.trim() + "][" + second.trim() + "]");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ab\b \bc\nxyz\b \b\b \b\b \bok\n[ac][ok]\n");
    }

    @Test
    void a_read_takes_at_most_one_line_and_EOF_at_the_start_of_a_line_reads_zero() {
        // termio(7): "EOF ... all the characters waiting to be read are immediately passed to the program, without
        // waiting for a new-line, and the EOF is discarded. Thus, if there are no characters waiting ... a zero
        // character count will be returned."
        var o = Sim.with().terminal("one\ntwo\004\004").program("t", (sys, argv) -> {
            Sim.puts(sys, read(sys, 2) + "|" + read(sys, 100) + "|" + read(sys, 100) + "|" + read(sys, 100).length());
            return 0;
        }).run("t");
        assertThat(o.console()).endsWith("on|e\n|two|0\n");
    }

    @Test
    void INTR_sends_SIGINT_to_the_foreground_process_group_and_echoes_as_a_control_character() {
        var o = Sim.with().terminal("\003").program("t", (sys, argv) -> {
            read(sys, 10);
            return 0;
        }).run("t");
        assertThat(o.status()).isEqualTo(128 + Signals.SIGINT);
        assertThat(o.console()).isEqualTo("^C");
    }

    @Test
    void the_program_leads_a_session_whose_controlling_terminal_is_the_console_and_its_group_the_foreground() {
        var o = Sim.with().terminal("").program("t", (sys, argv) -> {
            Sim.puts(sys, (sys.getsid(0) == sys.getpid()) + " " + (sys.tcgetpgrp(0) == sys.getpgrp()) + " "
                    + (sys.tcgetsid(0) == sys.getpid()));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true\n");
    }

    @Test
    void a_background_process_reading_the_terminal_stops_with_SIGTTIN_and_reads_once_in_the_foreground() {
        var o = Sim.with().terminal("hello\n").program("t", (sys, argv) -> {
            int c = sys.fork(s -> {
                s.setpgid(0, 0);
                String line = read(s, 100);
                Sim.puts(s, "child read " + line.trim());
                return 0;
            });
            sys.setpgid(c, c);
            int[] st = new int[1];
            sys.waitpid(c, st, Wait.WUNTRACED);
            boolean stopped = Wait.WIFSTOPPED(st[0]) && Wait.WSTOPSIG(st[0]) == Signals.SIGTTIN;
            sys.signal(Signals.SIGTTOU, SignalHandler.IGNORE);
            sys.tcsetpgrp(0, c);
            sys.kill(-c, Signals.SIGCONT);
            sys.waitpid(c, st, 0);
            sys.tcsetpgrp(0, sys.getpgrp());
            Sim.puts(sys, "stopped by SIGTTIN " + stopped);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("hello\nchild read hello\nstopped by SIGTTIN true\n");
    }

    @Test
    void with_TOSTOP_a_background_write_stops_with_SIGTTOU_and_an_ignored_SIGTTOU_lets_it_write() {
        var o = Sim.with().terminal("").program("t", (sys, argv) -> {
            Termios t = attrs(sys);
            sys.tcsetattr(0, Termios.TCSANOW, t.withLflag(t.lflag() | Termios.TOSTOP));
            int c = sys.fork(s -> {
                s.setpgid(0, 0);
                Sim.puts(s, "from the background");
                return 0;
            });
            sys.setpgid(c, c);
            int[] st = new int[1];
            sys.waitpid(c, st, Wait.WUNTRACED);
            boolean stopped = Wait.WIFSTOPPED(st[0]) && Wait.WSTOPSIG(st[0]) == Signals.SIGTTOU;
            sys.kill(c, Signals.SIGKILL);
            sys.waitpid(c, st, 0);
            int d = sys.fork(s -> {
                s.setpgid(0, 0);
                s.signal(Signals.SIGTTOU, SignalHandler.IGNORE);
                Sim.puts(s, "written anyway");
                return 0;
            });
            sys.setpgid(d, d);
            sys.waitpid(d, st, 0);
            Sim.puts(sys, "stopped by SIGTTOU " + stopped);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("written anyway\nstopped by SIGTTOU true\n");
    }

    @Test
    void tcsetpgrp_wants_a_group_of_the_callers_session_and_its_controlling_terminal() {
        var o = Sim.with().terminal("").program("t", (sys, argv) -> {
            // tcsetpgrp(3C): "EPERM ... does not match the process group ID of a process in the same session".
            int noGroup = sys.tcsetpgrp(0, 4242) == -1 && sys.errno() == Errno.EPERM ? 1 : 0;
            int invalid = sys.tcsetpgrp(0, -1) == -1 && sys.errno() == Errno.EINVAL ? 1 : 0;
            int fd = sys.open("/dev/null", Fcntl.O_RDWR);
            int notTty = sys.tcgetpgrp(fd) == -1 && sys.errno() == Errno.ENOTTY ? 1 : 0;
            int attr = sys.tcgetattr(fd, new Termios[1]) == -1 && sys.errno() == Errno.ENOTTY ? 1 : 0;
            // A new session has no controlling terminal: /dev/tty is ENXIO and the console not its terminal.
            int c = sys.fork(s -> {
                s.setsid();
                int enxio = s.open("/dev/tty", Fcntl.O_RDWR) == -1 && s.errno() == Errno.ENXIO ? 1 : 0;
                int enotty = s.tcgetpgrp(0) == -1 && s.errno() == Errno.ENOTTY ? 1 : 0;
                return enxio + enotty;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            Sim.puts(sys, "" + noGroup + invalid + notTty + attr + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("11112\n");
    }

    @Test
    void the_foreground_group_gets_SIGHUP_when_the_controlling_process_exits() {
        var o = Sim.with().terminal("").program("t", (sys, argv) -> {
            int leader = sys.fork(s -> {
                s.setsid();
                // Root takes the console from the first session (TIOCSCTTY's 1); that session no longer has it.
                if (s.ioctl(0, Ioctl.TIOCSCTTY, new int[] {1}) != 0) return 1;
                int fg = s.fork(x -> {
                    x.pause();
                    return 0;
                });
                s.setpgid(fg, s.getpid());
                s.sleep(1);
                return 0;
            });
            int[] st = new int[1];
            sys.waitpid(leader, st, 0);
            sys.sleep(2);
            // The child of the leader went to init when the leader exited: init reaps it, SIGHUP having killed it.
            int left = sys.kill(-leader, 0);
            Sim.puts(sys, "group left " + (left == 0 ? "alive" : Errno.name(sys.errno())));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("group left ESRCH\n");
    }

    @Test
    void non_canonical_input_with_MIN_0_and_TIME_returns_zero_when_the_time_passes() {
        Keyboard nobody = new Keyboard() {
            @Override
            public Keys take(long nanos) {
                return null;
            }

            @Override
            public void waiting(boolean line) {
            }
        };
        var o = Sim.with().keyboard(nobody).program("t", (sys, argv) -> {
            Termios t = attrs(sys);
            sys.tcsetattr(0, Termios.TCSANOW, t.withLflag(t.lflag() & ~Termios.ICANON).with(Termios.VMIN, 0)
                    .with(Termios.VTIME, 5));
            long before = sys.nanotime();
            String r = read(sys, 10);
            long waited = sys.nanotime() - before;
            Sim.puts(sys, r.length() + " after " + (waited >= 500_000_000L && waited < 600_000_000L));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 after true\r\n");
    }

    @Test
    void a_wrong_argument_for_a_request_is_EFAULT_and_an_unknown_request_EINVAL() {
        var o = Sim.with().terminal("").program("t", (sys, argv) -> {
            int fault = sys.ioctl(0, Ioctl.TCGETS, new int[1]) == -1 && sys.errno() == Errno.EFAULT ? 1 : 0;
            int inval = sys.ioctl(0, 12345, null) == -1 && sys.errno() == Errno.EINVAL ? 1 : 0;
            int[] n = new int[1];
            int fionread = sys.ioctl(0, Ioctl.FIONREAD, n) == 0 && n[0] == 0 ? 1 : 0;
            Sim.puts(sys, "" + fault + inval + fionread);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("111\n");
    }
}
