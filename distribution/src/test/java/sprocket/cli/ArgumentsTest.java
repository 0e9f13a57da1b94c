package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** How the command line is read, checked before anything boots. */
class ArgumentsTest {

    private static RunCommand parseRun(String... args) {
        CommandLine cmd = Main.commandLine(new Host(System.out, System.err, System.in, Map.of()), args);
        ParseResult parsed = cmd.parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void everything_after_the_program_name_is_the_programs_even_when_it_looks_like_an_option() {
        RunCommand run = parseRun("run", "--set", "hw.cpus=1", "--seed", "7", "c.conf", "echo", "-n", "--no-stats", "hi");
        assertThat(run.file).isEqualTo(Path.of("c.conf"));
        assertThat(run.program).isEqualTo("echo");
        assertThat(run.args).containsExactly("-n", "--no-stats", "hi");
        assertThat(run.statistics.noStats).isFalse();
        assertThat(run.config.overrides()).containsExactly("hw.cpus=1", "seed=7");
    }

    @Test
    void a_start_builds_only_the_subcommand_it_names_and_every_one_for_help_or_a_misspelt_name() {
        Host host = new Host(System.out, System.err, System.in, Map.of());
        assertThat(Main.commandLine(host, "--debug", "run", "c.conf", "sweep").getSubcommands()).containsOnlyKeys("run");
        assertThat(Main.commandLine(host, "config", "keys").getSubcommands()).containsOnlyKeys("config");
        String[] all = {"run", "boot", "compare", "sweep", "modules", "fuzz", "config", "sdk"};
        assertThat(Main.commandLine(host, "--help").getSubcommands().keySet()).containsExactly(all);
        assertThat(Main.commandLine(host, "rnu", "c.conf").getSubcommands().keySet()).containsExactly(all);
        assertThat(Main.commandLine(host, "--", "run").getSubcommands().keySet()).containsExactly(all);
    }

    @Test
    void numbers_for_the_program_pass_through_untouched() {
        RunCommand run = parseRun("run", "c.conf", "burn", "8", "2000000");
        assertThat(run.args).containsExactly("8", "2000000");
    }

    @Test
    void seed_wins_over_a_set_seed_because_it_comes_last() {
        RunCommand run = parseRun("run", "--seed", "3", "--set", "seed=9", "c.conf", "hello");
        assertThat(run.config.overrides()).containsExactly("seed=9", "seed=3");
    }

    @Test
    void a_set_that_is_not_key_equals_value_is_a_usage_error_with_status_2() {
        Invocation r = Invocation.sprocket("run", "--set", "hw.cpus", "c.conf", "hello");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("'hw.cpus' is not KEY=VALUE").contains("Usage: sprocket run");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_missing_program_is_a_usage_error_with_status_2() {
        Invocation r = Invocation.sprocket("run", "c.conf");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'PROGRAM'").contains("Usage: sprocket run");
    }

    @Test
    void no_subcommand_is_a_usage_error_with_status_2() {
        Invocation r = Invocation.sprocket();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand").contains("Usage: sprocket");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_status_2() {
        Invocation r = Invocation.sprocket("modules", "--frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void help_and_version_exit_0() {
        assertThat(Invocation.sprocket("--help").status()).isZero();
        Invocation v = Invocation.sprocket("--version");
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("sprocket 0.1.0");
        Invocation runHelp = Invocation.sprocket("run", "--help");
        assertThat(runHelp.out()).contains("--stats-json").contains("70").contains("kernel panic");
    }

    @Test
    void debug_is_accepted_before_and_after_the_subcommand() {
        CommandLine cmd = Main.commandLine(new Host(System.out, System.err, System.in, Map.of()));
        assertThat(cmd.parseArgs("--debug", "modules").hasMatchedOption("--debug")).isTrue();
        cmd = Main.commandLine(new Host(System.out, System.err, System.in, Map.of()));
        assertThat(cmd.parseArgs("modules", "--debug").subcommand().hasMatchedOption("--debug")).isTrue();
    }

    @Test
    void a_plugins_directory_that_does_not_exist_is_a_usage_error(@TempDir Path tmp) {
        Invocation r = Invocation.sprocket("modules", "--plugins", tmp.resolve("nope").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("nope: No such file or directory (--plugins)");
    }

    @Test
    void the_default_plugins_directory_is_sprocket_home_plugins_when_it_exists(@TempDir Path home) throws Exception {
        Host host = new Host(System.out, System.err, System.in, Map.of("SPROCKET_HOME", home.toString()));
        assertThat(host.pluginDirs(null)).isEmpty();
        Files.createDirectory(home.resolve("plugins"));
        assertThat(host.pluginDirs(null)).containsExactly(home.resolve("plugins"));
        assertThat(host.pluginDirs(home)).containsExactly(home);
    }

    @Test
    void sprocket_debug_in_the_environment_asks_for_stack_traces() {
        assertThat(new Host(System.out, System.err, System.in, Map.of("SPROCKET_DEBUG", "1")).debugFromEnv()).isTrue();
        assertThat(new Host(System.out, System.err, System.in, Map.of("SPROCKET_DEBUG", "0")).debugFromEnv()).isFalse();
        assertThat(new Host(System.out, System.err, System.in, Map.of()).debugFromEnv()).isFalse();
    }

    /** A parent's help lists each subcommand by the first line of its description, so that line is a whole sentence. */
    @Test
    void every_subcommand_is_listed_in_its_parents_help_by_a_whole_sentence() {
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(Main.commandLine(new Host(System.out, System.err, System.in, Map.of())));
        int seen = 0;
        while (!todo.isEmpty()) {
            CommandLine c = todo.poll();
            for (CommandLine sub : c.getSubcommands().values()) {
                String first = sub.getCommandSpec().usageMessage().description()[0];
                assertThat(first).as(sub.getCommandSpec().qualifiedName()).endsWith(".");
                seen++;
                todo.add(sub);
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(5);
        Invocation help = Invocation.sprocket("config", "--help");
        assertThat(help.out()).contains("without booting, and print every").contains("keys").contains("default and the");
    }
}
