package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;

/**
 * The shell's side of the terminal: through {@link Terminal} it gives the terminal to each foreground job's
 * process group and takes it back, as dash's xtcsetpgrp does. The kernel has no tty calls yet, so here the
 * console is made to answer isatty(3C) and tcsetpgrp(3C) records what it is asked, on the real kernel otherwise.
 * What needs the kernel's own terminal (SIGTTIN, ^Z) is written and waits, disabled, for those calls.
 */
class TerminalSeamTest {

    /** The console as a terminal: isatty is true for it, tcsetpgrp notes who asked for which group. */
    static final class RecordingTerminal implements Terminal {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private volatile int foreground;

        @Override
        public boolean isatty(Sys sys, int fd) {
            Stat st = sys.fstat(fd);
            Stat console = sys.stat("/dev/console");
            boolean tty = st != null && console != null && st.type() == FileMode.S_IFCHR && st.rdev() == console.rdev();
            if (!tty) sys.errno(st == null ? Errno.EBADF : Errno.ENOTTY);
            return tty;
        }

        /** Until a group takes it, the terminal's foreground is the asker's group: the shell starts in the foreground. */
        @Override
        public int tcgetpgrp(Sys sys, int fd) {
            return foreground != 0 ? foreground : sys.getpgrp();
        }

        @Override
        public int tcsetpgrp(Sys sys, int fd, int pgrp) {
            calls.add(sys.getpid() + " gives the terminal to group " + pgrp);
            foreground = pgrp;
            return 0;
        }
    }

    @Test
    void an_interactive_shell_hands_the_terminal_to_each_foreground_job_and_takes_it_back() {
        RecordingTerminal tty = new RecordingTerminal();
        Machine.Run r = Machine.sh(Machine.IRIX, "/bin/true\nsh -c 'kill -STOP $$'\nfg\n", List.of(), new Sh(tty));
        assertThat(r.console()).isEqualTo("""
                # # [1] + Stopped (signal)           sh -c 'kill -STOP $$'
                # sh -c 'kill -STOP $$'
                #\s""");
        assertThat(tty.calls).containsExactly(
                "2 gives the terminal to group 2", // the shell takes it at start, in a group of its own
                "3 gives the terminal to group 3", // /bin/true, from its own side of the fork
                "2 gives the terminal to group 2", // back once it has exited
                "4 gives the terminal to group 4", // sh -c, in the child
                "2 gives the terminal to group 2", // back once it stopped
                "2 gives the terminal to group 4", // fg, before SIGCONT
                "2 gives the terminal to group 2"); // back once it finished
    }

    @Test
    void a_shell_whose_input_is_a_terminal_is_interactive_without_i() {
        RecordingTerminal tty = new RecordingTerminal();
        Machine.Run r = Machine.sh(Machine.LINUX, "echo $-\n", List.of(), new Sh(tty));
        assertThat(r.console()).isEqualTo("# ims\n# ");
    }

    @Test
    void without_a_terminal_job_control_still_runs_jobs_in_their_own_groups_and_asks_nothing_of_the_terminal() {
        RecordingTerminal tty = new RecordingTerminal();
        Machine.Run r = Machine.sh(Machine.IRIX, "", List.of("-c", "set -m; sleep 1 < /dev/null; echo done"), new Sh(tty));
        assertThat(r.status()).isZero();
        // -c reads no terminal, but standard input and error are still the console: the shell takes it and gives it.
        assertThat(tty.calls).containsExactly("2 gives the terminal to group 2", "3 gives the terminal to group 3",
                "2 gives the terminal to group 2");
    }

    @Disabled("tcsetpgrp(3C) is not a system call yet: the console has no foreground process group, so a background "
            + "job reading it is not stopped with SIGTTIN")
    @Test
    void a_background_job_reading_the_terminal_is_stopped_with_sigttin() {
        Machine.Run r = Machine.sh(Machine.IRIX, "cat &\nsleep 1\njobs\nkill %1\n", List.of("-i"));
        assertThat(r.console()).contains("[1] + Stopped (tty input)       cat\n");
    }

    @Disabled("tcsetpgrp(3C) and the tty line discipline are not in the kernel yet: ^Z typed on the console does not "
            + "send SIGTSTP to the foreground process group")
    @Test
    void control_z_on_the_console_stops_the_foreground_job_and_bg_continues_it() {
        Machine.Run r = Machine.sh(Machine.IRIX, "sleep 100\n\032bg\njobs\nkill %1\n", List.of("-i"));
        assertThat(r.console()).contains("[1] + Stopped                    sleep 100\n")
                .contains("[1] sleep 100\n").contains("[1] + Running                    sleep 100\n");
    }
}
