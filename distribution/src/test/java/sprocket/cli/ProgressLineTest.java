package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.kernel.RunProgress;

/** The progress line, driven by a hand-turned clock: what it draws, when, and that it leaves nothing behind. */
class ProgressLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now = 5_000;
    private final ProgressLine line = new ProgressLine(err, () -> now);

    private String err() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nothing_is_drawn_before_the_delay_so_short_runs_show_no_progress() {
        line.watch(() -> new RunProgress(1_000, 1_000_000, 3));
        line.tick();
        now += ProgressLine.DELAY_NANOS - 1;
        line.tick();
        line.close();
        assertThat(err()).isEmpty();
    }

    @Test
    void after_the_delay_the_line_shows_simulated_time_processes_and_wall_time_in_place() {
        line.watch(() -> new RunProgress(16_670_000, 16_670_000, 12));
        now += ProgressLine.DELAY_NANOS + 500_000_000L;
        line.tick();
        assertThat(err()).isEqualTo("\r| simulated 1.000000 s (16,670,000 cycles), 12 processes, 1.5 s");
        line.tick();
        assertThat(err()).endsWith("\r/ simulated 1.000000 s (16,670,000 cycles), 12 processes, 1.5 s");
        assertThat(err()).doesNotContain("\n");
    }

    @Test
    void a_shorter_line_covers_the_longer_one_and_closing_erases_it() {
        long[] processes = {1234};
        line.watch(() -> new RunProgress(0, 100, (int) processes[0]));
        now += ProgressLine.DELAY_NANOS;
        line.tick();
        String first = err().substring(1);
        processes[0] = 1;
        line.tick();
        String second = err().substring(first.length() + 2);
        assertThat(second).hasSameSizeAs(first).endsWith("  ");
        line.close();
        assertThat(err()).endsWith(second + "\r" + " ".repeat(second.strip().length()) + "\r");
        int before = err().length();
        line.tick();
        assertThat(err()).hasSize(before);
    }

    @Test
    void output_sharing_the_terminal_erases_the_line_first() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutputStream guarded = line.guard(console);
        guarded.write("before\n".getBytes(StandardCharsets.UTF_8));
        assertThat(err()).isEmpty();
        line.watch(() -> new RunProgress(0, 100, 1));
        now += ProgressLine.DELAY_NANOS;
        line.tick();
        int drawn = err().length() - 1;
        guarded.write('x');
        assertThat(err()).endsWith("\r" + " ".repeat(drawn) + "\r");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("before\nx");
    }

    @Test
    void standard_error_not_a_terminal_gets_no_progress_and_never_turns_it_off_on_one() {
        Invocation piped = Invocation.sprocket("run", RunCommandTest.IRIX, "hello");
        assertThat(piped.err()).doesNotContain("\r").startsWith("-- MIPS R2000");
        for (String when : new String[] {"never", "always"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            Host terminal = new Host(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(errBytes, true, StandardCharsets.UTF_8), System.in, Map.of(), true);
            int status = Main.run(terminal, "run", "--progress", when, "--seed", "3", RunCommandTest.IRIX, "forktree", "2");
            assertThat(status).isZero();
            String errText = errBytes.toString(StandardCharsets.UTF_8);
            // Whatever a slow host drew and erased, the summary starts on a clean line and the run is the same.
            String summary = errText.substring(errText.lastIndexOf('\r') + 1);
            assertThat(summary).startsWith("-- MIPS R2000");
            assertThat(summary).isEqualTo(Invocation.sprocket("run", "--seed", "3", RunCommandTest.IRIX, "forktree", "2")
                    .err());
            assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("forktree: 6 processes created, all reaped\n");
            if (when.equals("never")) assertThat(errText).doesNotContain("\r");
        }
    }

    @Test
    void a_linux_terminal_is_a_pseudo_terminal_or_a_tty_and_a_pipe_or_file_is_not() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/err.txt")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminal.isStandardError(Map.of("TERM", "dumb"))).isFalse();
    }
}
