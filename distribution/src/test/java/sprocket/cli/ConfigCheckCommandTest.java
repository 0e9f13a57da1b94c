package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigCheckCommandTest {

    @Test
    void a_good_config_prints_its_effective_values_then_ok_and_exits_0() {
        Invocation r = Invocation.sprocket("config", "check", RunCommandTest.IRIX);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("hw").contains("r2000").contains("kernel.lock").contains("fine");
        assertThat(r.out()).endsWith(RunCommandTest.IRIX + ": ok\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void set_overrides_are_checked_and_shown() {
        Invocation r = Invocation.sprocket("config", "check", "--set", "hw.cpus=3", RunCommandTest.LINUX);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("hw.cpus"))).singleElement().asString().contains("3");
        assertThat(r.out()).endsWith(RunCommandTest.LINUX + ": ok\n");
    }
}
