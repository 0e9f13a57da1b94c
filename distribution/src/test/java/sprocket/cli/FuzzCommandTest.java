package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sprocket fuzz}: progress on standard error, findings and the summary on standard output, a status that says. */
class FuzzCommandTest {

    @Test
    void a_small_campaign_prints_progress_and_a_summary_and_says_by_its_status_whether_it_found_anything() {
        Invocation r = Invocation.sprocket("fuzz", "--seeds", "2", "--calls", "60", "--shrink-runs", "5",
                RunCommandTest.IRIX);
        assertThat(r.err()).contains("fuzz: 1/2 runs", "fuzz: 2/2 runs", RunCommandTest.IRIX + " seed 2");
        assertThat(r.out()).containsPattern("fuzz: 2 runs, [0-9,]+ calls, [0-9,]+ faults injected, [0-9]+ distinct findings");
        if (r.out().contains(", 0 distinct findings")) {
            assertThat(r.status()).isZero();
        } else {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).contains("finding 1: ", "reproduce: sprocket fuzz --first-seed ", "minimised: ");
        }
    }

    @Test
    void a_missing_configuration_or_a_bad_count_is_a_usage_error() {
        Invocation missing = Invocation.sprocket("fuzz", "no-such.conf");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such.conf: No such file or directory");
        Invocation bad = Invocation.sprocket("fuzz", "--calls", "0", RunCommandTest.IRIX);
        assertThat(bad.status()).isEqualTo(2);
        assertThat(Invocation.sprocket("fuzz").status()).isEqualTo(2);
    }

    @Test
    void quiet_means_no_progress() {
        Invocation r = Invocation.sprocket("fuzz", "--quiet", "--seeds", "1", "--calls", "20", "--shrink-runs", "0",
                RunCommandTest.LINUX);
        assertThat(r.err()).doesNotContain("fuzz: 1/1 runs");
        assertThat(r.out()).contains("fuzz: 1 runs");
    }
}
