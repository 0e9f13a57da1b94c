package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

class ModuleTest {

    private static final List<SchedulerProvider> ALL = List.of(new RoundRobinProvider(), new Svr4Provider(),
            new AffinityProvider(), new GangProvider(), new FairProvider());

    @Test
    void the_module_exports_nothing_and_provides_the_five_policies() {
        ModuleDescriptor d = RoundRobinProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.sched");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(SchedulerProvider.class.getName());
            assertThat(p.providers()).containsExactly(RoundRobinProvider.class.getName(),
                    Svr4Provider.class.getName(), AffinityProvider.class.getName(), GangProvider.class.getName(),
                    FairProvider.class.getName());
        });
    }

    @Test
    void service_loader_finds_every_policy_by_its_configuration_name() {
        // The kernel declares `uses`; this module does not, so the test (patched into it) adds it for itself.
        ModuleTest.class.getModule().addUses(SchedulerProvider.class);
        var names = ServiceLoader.load(SchedulerProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).contains("rr", "svr4", "affinity", "gang", "fair");
    }

    @Test
    void every_provider_states_its_versions_and_declares_keys_under_sched() {
        for (SchedulerProvider p : ALL) {
            assertThat(p.apiVersion()).as(p.name()).isEqualTo(ApiVersion.CURRENT);
            assertThat(p.version()).as(p.name()).isEqualTo("0.1.0");
            assertThat(p.description()).as(p.name()).isNotBlank().doesNotContain("\n");
            assertThat(p.tunables()).as(p.name()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.key()).startsWith("sched."));
        }
        assertThat(ALL).extracting(SchedulerProvider::name).doesNotHaveDuplicates();
    }

    @Test
    void the_round_robin_provider_declares_its_slice_tunable() {
        assertThat(new RoundRobinProvider().tunables()).containsExactly(
                new Tunable("sched.slice", Tunable.Type.INT, "2", 1, 1000, List.of(),
                        "round-robin time slice, in clock ticks"));
    }

    @Test
    void the_new_policies_declare_their_own_tunables() {
        assertThat(new Svr4Provider().tunables()).extracting(Tunable::key)
                .containsExactly("sched.svr4.update", "sched.svr4.rt_quantum");
        assertThat(new AffinityProvider().tunables()).extracting(Tunable::key)
                .containsExactly("sched.slice", "sched.affinity.imbalance", "sched.affinity.cache_hot");
        assertThat(new GangProvider().tunables()).extracting(Tunable::key)
                .containsExactly("sched.slice", "sched.gang.min");
        assertThat(new FairProvider().tunables()).extracting(Tunable::key)
                .containsExactly("sched.fair.granularity", "sched.fair.sleeper_credit", "sched.fair.imbalance");
        assertThat(new AffinityProvider().tunables()).filteredOn(t -> t.key().equals("sched.affinity.imbalance"))
                .singleElement().extracting(Tunable::defaultValue).isEqualTo("2");
        assertThat(new GangProvider().tunables()).filteredOn(t -> t.key().equals("sched.gang.min"))
                .singleElement().extracting(Tunable::defaultValue).isEqualTo("2");
    }
}
