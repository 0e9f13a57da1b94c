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

    /** Settings for a provider that declares no keys: any key asked for is a programming error. */
    private static final Settings NO_KEYS = new Settings() {
        @Override
        public String get(String key) {
            throw new IllegalArgumentException(key);
        }

        @Override
        public long getLong(String key) {
            throw new IllegalArgumentException(key);
        }

        @Override
        public long getSize(String key) {
            throw new IllegalArgumentException(key);
        }

        @Override
        public boolean getBool(String key) {
            throw new IllegalArgumentException(key);
        }

        @Override
        public long seed() {
            return 1;
        }
    };

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
                    assertThat(p.tunables()).isEmpty();
                    assertThat(p.description()).isNotBlank();
                });
    }

    @Test
    void the_built_machine_describes_a_little_endian_100_mhz_pentium_board() {
        Machine machine = new X86MpsProvider().build(new MachineConfig(4, 32L << 20, NO_KEYS));
        MachineDescription d = machine.description();
        assertThat(d).isEqualTo(new MachineDescription("x86mps",
                "Intel MPS 1.4, 4 x Pentium 100 MHz with local APICs", 4, 32L << 20, 4096, 100_000_000L, 64, false));
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
}
