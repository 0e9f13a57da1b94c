package sprocket.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.spi.Tunable;
import sprocket.fs.memfs.MemFsProvider;
import sprocket.fs.procfs.ProcFsProvider;

class ModuleTest {

    @Test
    void the_module_is_sprocket_fs_exports_nothing_and_provides_memfs_and_proc() {
        ModuleDescriptor d = FakeKernel.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.fs");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(FileSystemProvider.class.getName());
            assertThat(p.providers()).containsExactly("sprocket.fs.memfs.MemFsProvider",
                    "sprocket.fs.procfs.ProcFsProvider");
        });
    }

    @Test
    void the_types_are_memfs_with_its_size_tunable_and_proc_with_none() {
        List<FileSystemProvider> types = List.of(new MemFsProvider(), new ProcFsProvider());
        assertThat(types).extracting(FileSystemProvider::name).containsExactly("memfs", "proc");
        for (FileSystemProvider p : types) {
            assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
            assertThat(p.description()).isNotBlank();
        }
        var memfs = types.get(0);
        assertThat(memfs.tunables()).containsExactly(Tunable.size("fs.memfs.size", "0", 0, 1L << 40,
                memfs.tunables().get(0).description()));
        assertThat(types.get(1).tunables()).isEmpty();
    }
}
