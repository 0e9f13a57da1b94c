package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The kernel exports its facade and nothing else; the engine and processes stay inside. */
class ModuleExportsTest {

    @Test
    void the_kernel_module_exports_only_its_facade_and_uses_every_slot() {
        ModuleDescriptor d = Kernel.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.kernel");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("sprocket.kernel");
        assertThat(d.uses()).containsExactlyInAnyOrder("sprocket.api.hw.HardwareProvider",
                "sprocket.api.sched.SchedulerProvider", "sprocket.api.vm.MemoryManagerProvider",
                "sprocket.api.fs.FileSystemProvider", "sprocket.api.ipc.IpcProvider", "sprocket.api.sys.Program");
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .doesNotContain("sprocket.sched", "sprocket.vm.regions", "sprocket.fs", "sprocket.ipc",
                        "sprocket.hw.r2000", "sprocket.hw.x86mps");
    }
}
