package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sprocket.kernel.ConfigError;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelPanic;

/** What each kind of failure prints and which status it exits with. */
class ErrorReportTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int report(Exception ex, Map<String, String> env, String... args) {
        Host host = new Host(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), System.in, env);
        CommandLine cmd = Main.commandLine(host);
        return new ErrorReport(host).handleExecutionException(ex, cmd, cmd.parseArgs(args));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_kernel_panic_prints_the_panic_with_when_and_where_and_exits_70() {
        KernelPanic panic = new KernelPanic("runqueue corrupt", 123_456, 2, null);
        assertThat(report(panic, Map.of(), "modules")).isEqualTo(70);
        assertThat(err()).isEqualTo("sprocket: kernel panic: runqueue corrupt (at cycle 123456 on cpu 2)\n");
    }

    @Test
    void config_errors_print_one_file_line_message_each_and_exit_2() {
        ConfigException ex = new ConfigException(List.of(new ConfigError("a.conf", 3, "unknown key 'x'"),
                new ConfigError("a.conf", 7, "hw.cpus: 'many' is not a whole number")));
        assertThat(report(ex, Map.of(), "modules")).isEqualTo(2);
        assertThat(err()).isEqualTo("a.conf:3: unknown key 'x'\na.conf:7: hw.cpus: 'many' is not a whole number\n");
    }

    @Test
    void an_unexpected_failure_is_one_line_and_exit_1_without_a_stack_trace() {
        assertThat(report(new IllegalStateException("boom"), Map.of(), "modules")).isEqualTo(1);
        assertThat(err()).startsWith("sprocket: boom\n").doesNotContain("\tat ").contains("--debug");
    }

    @Test
    void debug_or_sprocket_debug_adds_the_stack_trace() {
        report(new IllegalStateException("boom"), Map.of(), "--debug", "modules");
        assertThat(err()).contains("java.lang.IllegalStateException: boom").contains("\tat ");
        err.reset();
        report(new IllegalStateException("boom"), Map.of(), "modules", "--debug");
        assertThat(err()).contains("\tat ");
        err.reset();
        report(new IllegalStateException("boom"), Map.of("SPROCKET_DEBUG", "1"), "modules");
        assertThat(err()).contains("\tat ");
    }

    @Test
    void a_file_the_host_lacks_is_named_with_strerror() {
        assertThat(report(new NoSuchFileException("/x/y.json"), Map.of(), "modules")).isEqualTo(1);
        assertThat(err()).isEqualTo("sprocket: /x/y.json: No such file or directory\n");
    }

    @Test
    void a_failure_found_by_the_command_exits_with_its_own_status() {
        assertThat(report(new Failure(Failure.NOT_FOUND, "/bin/x: No such file or directory"), Map.of(), "modules"))
                .isEqualTo(127);
        assertThat(err()).isEqualTo("sprocket: /bin/x: No such file or directory\n");
    }
}
