package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sprocket config keys}: every key, who declares it, what it means, what it takes, its default. */
class ConfigKeysCommandTest {

    @Test
    void without_a_config_every_key_of_the_kernel_and_of_every_provider_is_listed_under_its_declarer() {
        Invocation r = Invocation.sprocket("config", "keys");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("== kernel\nhw.cpus = 1\n    number of CPUs\n    a whole number: 1..64; default 1\n");
        assertThat(r.out()).contains("== sched fair\nsched.fair.granularity = 1\n    minimum granularity, in clock ticks:");
        assertThat(r.out()).contains("== sched rr\nsched.slice = 2\n", "== vm regions\nvm.data_reserve = 64M\n",
                "    a size in bytes, K, M or G: 0..1G; default 64M\n", "== ipc sysv\n", "== fs memfs\n",
                "kernel.lock = fine\n", "    one of: giant, fine; default fine\n");
        // Each key: a "key = value" line, then description and allowed values indented.
        assertThat(r.out().lines().filter(l -> l.contains(" = ") && !l.startsWith(" ")).count())
                .isGreaterThan(30);
    }

    @Test
    void with_a_config_only_its_keys_are_listed_with_their_values_and_where_they_came_from() {
        Invocation r = Invocation.sprocket("config", "keys", "--set", "sched=fair", RunCommandTest.IRIX);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("hw\\.cpus = 4 +\\(.*irix-r2000\\.conf:\\d+\\)\n");
        assertThat(r.out()).contains("== sched fair\n").containsPattern("sched\\.fair\\.granularity = 1 +\\(default\\)");
        assertThat(r.out()).contains("== sched rr (the fallback scheduler)\nsched.slice = 2");
        assertThat(r.out()).doesNotContain("sched.gang.min", "== hw x86mps");
    }

    @Test
    void a_key_of_a_scheduler_not_chosen_is_ignored_with_a_warning_unless_strict(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("tuned.conf");
        Files.writeString(f, Files.readString(Path.of(RunCommandTest.IRIX)) + "sched.fair.granularity = 2\n");
        int line = (int) Files.readString(f).lines().count();
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "sched=rr", f.toString(), "hello");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello, world\n");
        assertThat(r.err()).isEqualTo(f + ":" + line + ": warning: sched.fair.granularity is a key of the sched"
                + " provider 'fair', which this configuration does not choose (sched = rr); ignored\n");

        Invocation strict = Invocation.sprocket("run", "--strict", "--set", "sched=rr", f.toString(), "hello");
        assertThat(strict.status()).isEqualTo(2);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains(f + ":" + line + ": sched.fair.granularity").contains("--strict");

        Invocation fair = Invocation.sprocket("run", "--no-stats", "--set", "sched=fair", f.toString(), "hello");
        assertThat(fair.status()).as(fair.err()).isZero();
        assertThat(fair.err()).isEmpty();
    }
}
