package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.module.ModuleDescriptor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.hw.MachineDescription;

class R2000ProviderTest {

    @Test
    void the_module_exports_nothing_and_provides_the_machine() {
        ModuleDescriptor d = R2000Provider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.hw.r2000");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(HardwareProvider.class.getName());
            assertThat(p.providers()).containsExactly(R2000Provider.class.getName());
        });
    }

    @Test
    void service_loader_finds_it_by_name() {
        // the tests run inside this module, which (rightly) declares no `uses`; a test may add one to itself
        R2000ProviderTest.class.getModule().addUses(HardwareProvider.class);
        assertThat(ServiceLoader.load(HardwareProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> assertThat(p.name()).isEqualTo("r2000"));
    }

    @Test
    void the_provider_states_its_bounds_and_versions() {
        R2000Provider p = new R2000Provider();
        assertThat(p.name()).isEqualTo("r2000");
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(p.maxCpus()).isEqualTo(8);
        assertThat(p.minMemory()).isEqualTo(1L << 20);
        assertThat(p.maxMemory()).as("kseg0 reaches the low 512 MiB").isEqualTo(512L << 20);
        assertThat(p.tunables()).isEmpty();
        assertThat(p.description()).isNotBlank();
    }

    @Test
    void a_built_machine_describes_itself_and_its_cpus() {
        Machine m = new R2000Provider().build(new MachineConfig(4, (8L << 20) + 123, null));
        MachineDescription d = m.description();
        assertThat(d.name()).isEqualTo("r2000");
        assertThat(d.model()).isEqualTo("MIPS R2000 16.7 MHz, 4 CPUs, hardware lock unit");
        assertThat(d.cpus()).isEqualTo(4);
        assertThat(d.memoryBytes()).isEqualTo(8L << 20);
        assertThat(d.pageSize()).isEqualTo(4096);
        assertThat(d.clockHz()).isEqualTo(16_670_000L);
        assertThat(d.tlbEntries()).isEqualTo(64);
        assertThat(d.bigEndian()).isTrue();
        assertThat(m.probeCpus()).extracting(CpuInfo::id).containsExactly(0, 1, 2, 3);
        assertThat(m.probeCpus()).extracting(CpuInfo::hardwareId).containsExactly(0, 1, 2, 3);
        assertThat(m.probeCpus()).extracting(CpuInfo::bootstrap).containsExactly(true, false, false, false);
        assertThat(m.probeCpus().get(0).model()).startsWith("MIPS R2000");
    }

    @Test
    void a_machine_attaches_once() {
        Machine m = new R2000Provider().build(new MachineConfig(1, 1L << 20, null));
        m.attach(new FakeMachineContext(1));
        assertThatThrownBy(() -> m.attach(new FakeMachineContext(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void more_cpus_than_the_bus_has_slots_are_refused() {
        assertThatThrownBy(() -> new R2000Provider().build(new MachineConfig(9, 1L << 20, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The kernel refuses a larger hw.memory before boot; build() refuses it too, before allocating anything. */
    @Test
    void memory_beyond_what_kseg0_reaches_is_refused() {
        R2000Provider p = new R2000Provider();
        assertThatThrownBy(() -> p.build(new MachineConfig(1, p.maxMemory() + 1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kseg0");
    }
}
