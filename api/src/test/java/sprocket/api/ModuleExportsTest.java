package sprocket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** An accidental export or dependency of the API fails here. */
class ModuleExportsTest {

    @Test
    void the_api_module_exports_exactly_its_contract_packages_and_requires_only_the_jdk() {
        ModuleDescriptor d = ApiVersion.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.api");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder(
                "sprocket.api", "sprocket.api.spi", "sprocket.api.kernel", "sprocket.api.hw", "sprocket.api.sched",
                "sprocket.api.vm", "sprocket.api.fs", "sprocket.api.ipc", "sprocket.api.sys");
        assertThat(d.exports()).allMatch(e -> !e.isQualified());
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
    }

    @Test
    void a_provider_built_for_another_major_version_or_a_newer_minor_is_incompatible() {
        assertThat(ApiVersion.compatible(ApiVersion.CURRENT)).isTrue();
        assertThat(ApiVersion.compatible("2.0")).as("2.1 only adds to 2.0").isTrue();
        assertThat(ApiVersion.compatible("1.0")).as("before every provider SPI failed by ErrnoException").isFalse();
        assertThat(ApiVersion.compatible("2.99")).isFalse();
        assertThat(ApiVersion.compatible("3.0")).isFalse();
        assertThat(ApiVersion.compatible("garbage")).isFalse();
        assertThat(ApiVersion.compatible(null)).isFalse();
    }

    @Test
    void signal_numbers_and_default_actions_follow_the_svr4_mips_table() {
        assertThat(Signals.SIGUSR1).isEqualTo(16);
        assertThat(Signals.SIGCHLD).isEqualTo(18);
        assertThat(Signals.SIGSTOP).isEqualTo(23);
        assertThat(Signals.SIGCONT).isEqualTo(25);
        assertThat(Signals.defaultAction(Signals.SIGSEGV)).isEqualTo(Signals.Action.CORE);
        assertThat(Signals.defaultAction(Signals.SIGCHLD)).isEqualTo(Signals.Action.IGNORE);
        assertThat(Signals.defaultAction(Signals.SIGTSTP)).isEqualTo(Signals.Action.STOP);
        assertThat(Signals.byName("TERM")).isEqualTo(15);
        assertThat(Signals.byName("SIGCLD")).isEqualTo(18);
        assertThat(Signals.byName("NOPE")).isEqualTo(-1);
    }
}
