package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.spi.Tunable;

class ModuleTest {

    @Test
    void the_module_exports_nothing_and_provides_the_sysv_ipc_set() {
        ModuleDescriptor d = SysvIpcProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.ipc");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(IpcProvider.class.getName());
            assertThat(p.providers()).containsExactly(SysvIpcProvider.class.getName());
        });
    }

    @Test
    void service_loader_finds_sysv_by_its_configuration_name() {
        // The kernel declares `uses`; this module does not, so the test (patched into it) adds it for itself.
        ModuleTest.class.getModule().addUses(IpcProvider.class);
        var names = ServiceLoader.load(IpcProvider.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("sysv");
    }

    @Test
    void the_provider_states_its_versions_and_declares_the_svr4_ipc_limits_as_tunables() {
        var p = new SysvIpcProvider();
        assertThat(p.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.tunables()).extracting(Tunable::key).allMatch(k -> k.startsWith("ipc."))
                .contains("ipc.semmni", "ipc.semmsl", "ipc.semopm", "ipc.semvmx", "ipc.msgmni", "ipc.msgmnb",
                        "ipc.msgmax", "ipc.msgtql", "ipc.shmmin", "ipc.shmmax", "ipc.shmmni", "ipc.sockbuf", "ipc.somaxconn")
                .doesNotHaveDuplicates();
        assertThat(p.tunables()).allSatisfy(t -> assertThat(FakeKernel.parse(t.defaultValue()))
                .isBetween(t.min(), t.max()));
    }
}
