package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.spi.Tunable;
import sprocket.api.vm.MemoryManagerProvider;

class ModuleTest {

    @Test
    void the_module_exports_nothing_and_provides_the_memory_manager() {
        ModuleDescriptor d = RegionsProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.vm.regions");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(MemoryManagerProvider.class.getName());
            assertThat(p.providers()).containsExactly(RegionsProvider.class.getName());
        });
    }

    @Test
    void the_class_path_service_file_names_the_provider() throws IOException {
        try (InputStream in = RegionsProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + MemoryManagerProvider.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(RegionsProvider.class.getName());
        }
    }

    @Test
    void the_provider_is_called_regions_and_built_for_this_api() {
        var p = new RegionsProvider();
        assertThat(p.name()).isEqualTo("regions");
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(p.description()).isNotBlank();
        assertThat(p.tunables()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("vm.data_reserve");
            assertThat(t.type()).isEqualTo(Tunable.Type.SIZE);
            assertThat(t.defaultValue()).isEqualTo("64M");
        });
    }
}
