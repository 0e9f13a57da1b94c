package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue: "An unknown key, an unknown provider name (the message lists the available ones), a bad value,
 * or a conflict is an error naming file and line; nothing boots; exit status 2; no stack trace."
 */
class ConfigErrorsTest {

    /** The shipped IRIX configuration with line {@code from} replaced by {@code to}. */
    private static Path conf(Path dir, String from, String to) throws Exception {
        String text = Files.readString(Path.of(RunCommandTest.IRIX));
        assertThat(text).contains(from);
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, text.replace(from, to));
        return f;
    }

    private static void assertNoStackTrace(Invocation r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void an_unknown_key_names_file_and_line_exits_2_and_nothing_runs(@TempDir Path tmp) throws Exception {
        Path f = conf(tmp, "kernel.hz = 100\n", "kernel.hz = 100\nbogus.key = 1\n");
        int line = Files.readString(f).lines().toList().indexOf("bogus.key = 1") + 1;
        Invocation r = Invocation.sprocket("run", f.toString(), "hello");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":" + line + ": ");
        assertThat(r.out()).isEmpty();
        assertNoStackTrace(r);
    }

    @Test
    void an_unknown_provider_name_lists_the_available_ones(@TempDir Path tmp) throws Exception {
        Path f = conf(tmp, "sched = rr\n", "sched = nosuch\n");
        Invocation r = Invocation.sprocket("config", "check", f.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(f.toString() + ":").contains("nosuch").contains("rr");
        assertNoStackTrace(r);
    }

    @Test
    void a_bad_value_from_set_is_an_error_and_exits_2() {
        Invocation r = Invocation.sprocket("run", "--set", "hw.cpus=many", RunCommandTest.IRIX, "hello");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("hw.cpus");
        assertThat(r.out()).isEmpty();
        assertNoStackTrace(r);
    }

    @Test
    void a_missing_config_file_says_no_such_file_and_exits_2(@TempDir Path tmp) {
        String missing = tmp.resolve("missing.conf").toString();
        for (Invocation r : new Invocation[] {Invocation.sprocket("run", missing, "hello"),
                Invocation.sprocket("config", "check", missing)}) {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("sprocket: " + missing + ": No such file or directory\n");
        }
    }
}
