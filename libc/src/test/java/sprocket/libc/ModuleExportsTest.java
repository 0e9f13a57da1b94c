package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The library exports its one package and needs nothing but the API. */
class ModuleExportsTest {

    @Test
    void the_libc_module_exports_its_api_package_and_requires_only_the_api() {
        ModuleDescriptor d = Stdio.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.libc");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("sprocket.libc");
        assertThat(d.exports()).allMatch(e -> !e.isQualified());
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "sprocket.api");
        assertThat(d.requires()).filteredOn(r -> r.name().equals("sprocket.api"))
                .allMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
    }
}
