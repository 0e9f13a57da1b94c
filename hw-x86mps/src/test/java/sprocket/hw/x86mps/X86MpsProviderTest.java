package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.module.ModuleDescriptor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.hw.MachineDescription;
import sprocket.api.spi.Settings;

class X86MpsProviderTest {

    /** The provider's keys at their defaults, with {@code overrides} ("key=value") on top, as the kernel hands them. */
    static Settings settings(String... overrides) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (sprocket.api.spi.Tunable t : new X86MpsProvider().tunables()) {
            values.put(t.key(), t.defaultValue());
        }
        for (String o : overrides) {
            values.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
        }
        return new Settings() {
            @Override
            public String get(String key) {
                String v = values.get(key);
                if (v == null) {
                    throw new IllegalArgumentException(key);
                }
                return v;
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(get(key));
            }

            @Override
            public long getSize(String key) {
                String v = get(key);
                int shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : 0;
                return Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
            }

            @Override
            public boolean getBool(String key) {
                return Boolean.parseBoolean(get(key));
            }

            @Override
            public long seed() {
                return 1;
            }
        };
    }

    private static final Settings NO_KEYS = settings();

    @Test
    void the_module_is_named_exports_nothing_and_provides_the_machine() {
        ModuleDescriptor d = X86MpsProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.hw.x86mps");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(HardwareProvider.class.getName());
            assertThat(p.providers()).containsExactly(X86MpsProvider.class.getName());
        });
    }

    @Test
    void service_loader_finds_it_by_its_config_name() {
        // The kernel declares `uses`; a test patched into this module declares it at run time instead.
        X86MpsProviderTest.class.getModule().addUses(HardwareProvider.class);
        assertThat(ServiceLoader.load(HardwareProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.name().equals("x86mps")).singleElement().satisfies(p -> {
                    assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
                    assertThat(p.version()).isEqualTo("0.1.0");
                    assertThat(p.maxCpus()).isEqualTo(15);
                    assertThat(p.minMemory()).isEqualTo(2L << 20);
                    assertThat(p.maxMemory()).as("2 GiB less a page").isEqualTo(2_147_479_552L);
                    assertThat(p.tunables()).extracting(sprocket.api.spi.Tunable::key).containsExactly("hw.caches",
                            "hw.l1.size", "hw.l1.line", "hw.l1.ways", "hw.l2.size", "hw.l2.line", "hw.l2.ways",
                            "hw.l2.shared");
                    assertThat(p.description()).isNotBlank();
                });
    }

    @Test
    void the_built_machine_describes_a_little_endian_100_mhz_pentium_board() {
        Machine machine = new X86MpsProvider().build(new MachineConfig(4, 32L << 20, NO_KEYS));
        MachineDescription d = machine.description();
        assertThat(d).isEqualTo(new MachineDescription("x86mps",
                "Intel MPS 1.4, 4 x Pentium 100 MHz with local APICs; 8K 2-way write-back MESI L1 per CPU (32-byte"
                        + " lines), 256K L2 shared by the CPUs (32-byte lines, 1-way), 66 MHz snooping bus", 4, 32L << 20,
                4096, 100_000_000L, 64, false));
        assertThat(machine.memorySystem().cached()).isTrue();
        assertThat(machine.costs().tlbRefill()).isEqualTo(30);
        assertThat(machine.probeCpus()).hasSize(4);
    }

    @Test
    void boards_outside_the_bounds_are_refused() {
        X86MpsProvider provider = new X86MpsProvider();
        assertThatThrownBy(() -> provider.build(new MachineConfig(16, 32L << 20, NO_KEYS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15");
        assertThatThrownBy(() -> provider.build(new MachineConfig(1, (2L << 20) - 4096, NO_KEYS)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.build(new MachineConfig(1, provider.maxMemory() + 1, NO_KEYS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2047 MiB");
    }

    @Test
    void the_memory_system_follows_the_keys_and_refuses_a_geometry_that_cannot_be_built() {
        X86MpsProvider provider = new X86MpsProvider();
        Machine off = provider.build(new MachineConfig(2, 32L << 20, settings("hw.caches=false")));
        assertThat(off.memorySystem().cached()).isFalse();
        assertThat(off.memorySystem().load(0, 0, 4096, 4)).isEqualTo(off.costs().memoryAccess());
        Machine priv = provider.build(new MachineConfig(2, 32L << 20, settings("hw.l2.shared=false", "hw.l2.size=512K")));
        assertThat(priv.memorySystem().describe()).contains("512K private inclusive MESI L2 per CPU");
        assertThatThrownBy(() -> provider.build(new MachineConfig(2, 32L << 20, settings("hw.l1.line=64"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hw.l2.line = 32 is shorter");
        assertThatThrownBy(() -> provider.build(new MachineConfig(2, 32L << 20,
                settings("hw.l2.shared=false", "hw.l2.size=32K", "hw.l1.size=64K"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("includes its L1");
    }
}
