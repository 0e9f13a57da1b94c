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
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

class R2000ProviderTest {

    /** What the kernel hands over: the provider's keys at their defaults, with {@code set} ("key=value") on top. */
    private static Settings config(String... set) {
        Map<String, String> v = new HashMap<>();
        new R2000Provider().tunables().forEach(t -> v.put(t.key(), t.defaultValue()));
        for (String kv : set) {
            String[] p = kv.split("=", 2);
            v.put(p[0], p[1]);
        }
        return new Settings() {
            @Override
            public String get(String key) {
                return Objects.requireNonNull(v.get(key), key);
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(get(key));
            }

            @Override
            public long getSize(String key) {
                String s = get(key);
                return s.endsWith("M") ? Long.parseLong(s.replace("M", "")) << 20
                        : s.endsWith("K") ? Long.parseLong(s.replace("K", "")) << 10 : Long.parseLong(s);
            }

            @Override
            public boolean getBool(String key) {
                return Boolean.parseBoolean(get(key));
            }

            @Override
            public long seed() {
                return 0;
            }
        };
    }

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
        assertThat(p.tunables()).extracting(Tunable::key).containsExactly("hw.caches", "hw.l1.size", "hw.l1.line",
                "hw.l1.ways", "hw.l2.size", "hw.l2.line", "hw.l2.ways");
        assertThat(p.description()).isNotBlank();
    }

    @Test
    void a_built_machine_describes_itself_and_its_cpus() {
        Machine m = new R2000Provider().build(new MachineConfig(4, (8L << 20) + 123, config()));
        MachineDescription d = m.description();
        assertThat(d.name()).isEqualTo("r2000");
        assertThat(d.model()).isEqualTo("MIPS R2000 16.7 MHz, 4 CPUs, hardware lock unit; 64K direct-mapped"
                + " write-through L1 and 256K snooping L2 data caches per CPU (16/16-byte lines), 4-entry write buffers,"
                + " MPlink bus, sync bus for the lock unit");
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
        Machine m = new R2000Provider().build(new MachineConfig(1, 1L << 20, config()));
        m.attach(new FakeMachineContext(1));
        assertThatThrownBy(() -> m.attach(new FakeMachineContext(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void more_cpus_than_the_bus_has_slots_are_refused() {
        assertThatThrownBy(() -> new R2000Provider().build(new MachineConfig(9, 1L << 20, config())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The kernel refuses a larger hw.memory before boot; build() refuses it too, before allocating anything. */
    @Test
    void memory_beyond_what_kseg0_reaches_is_refused() {
        R2000Provider p = new R2000Provider();
        assertThatThrownBy(() -> p.build(new MachineConfig(1, p.maxMemory() + 1, config())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kseg0");
    }

    @Test
    void the_caches_follow_the_keys_and_a_first_level_larger_than_the_second_is_refused() {
        R2000Provider p = new R2000Provider();
        assertThat(p.build(new MachineConfig(2, 4L << 20, config("hw.caches=false"))).memorySystem().cached()).isFalse();
        assertThat(p.build(new MachineConfig(2, 4L << 20, config("hw.l2.size=1M"))).memorySystem().describe())
                .contains("1M snooping L2");
        assertThatThrownBy(() -> p.build(new MachineConfig(2, 4L << 20, config("hw.l1.size=256K", "hw.l2.size=64K"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subset of the second");
        assertThatThrownBy(() -> p.build(new MachineConfig(2, 4L << 20, config("hw.l1.line=32"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole first-level lines");
    }
}
