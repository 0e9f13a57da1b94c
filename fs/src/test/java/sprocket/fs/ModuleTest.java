package sprocket.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.spi.Tunable;

class ModuleTest {

    @Test
    void the_module_is_sprocket_fs_exports_nothing_and_provides_memfs() {
        ModuleDescriptor d = MemFsProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.fs");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(FileSystemProvider.class.getName());
            assertThat(p.providers()).containsExactly(MemFsProvider.class.getName());
        });
    }

    @Test
    void the_provider_names_itself_memfs_and_declares_fs_nfile() {
        var p = new MemFsProvider();
        assertThat(p.name()).isEqualTo("memfs");
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(p.description()).isNotBlank();
        assertThat(p.tunables()).containsExactly(Tunable.integer("fs.nfile", 1000, 16, 1_000_000,
                p.tunables().get(0).description()));
        assertThat(p.tunables()).allSatisfy(t -> assertThat(t.key()).startsWith("fs."));
    }
}
