package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

class ModuleTest {

    @Test
    void the_module_exports_nothing_and_provides_the_round_robin_policy() {
        ModuleDescriptor d = RoundRobinProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.sched");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(SchedulerProvider.class.getName());
            assertThat(p.providers()).containsExactly(RoundRobinProvider.class.getName());
        });
    }

    @Test
    void service_loader_finds_rr_by_its_configuration_name() {
        // The kernel declares `uses`; this module does not, so the test (patched into it) adds it for itself.
        ModuleTest.class.getModule().addUses(SchedulerProvider.class);
        var names = ServiceLoader.load(SchedulerProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).contains("rr");
    }

    @Test
    void the_provider_declares_its_slice_tunable() {
        var p = new RoundRobinProvider();
        assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.tunables()).containsExactly(
                new Tunable("sched.slice", Tunable.Type.INT, "2", 1, 1000, java.util.List.of(),
                        "round-robin time slice, in clock ticks"));
    }
}
