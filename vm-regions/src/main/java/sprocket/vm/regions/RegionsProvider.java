package sprocket.vm.regions;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.spi.Tunable;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.api.vm.VmContext;

/** Makes the System V regions memory manager; the configuration picks it with {@code vm = regions}. */
public final class RegionsProvider implements MemoryManagerProvider {

    /** For {@code ServiceLoader}. */
    public RegionsProvider() {
    }

    @Override
    public String name() {
        return "regions";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "System V regions and pregions: demand-zero paging, shared text, copy-on-write fork, sbrk, growing stack";
    }

    /** Reads no configuration keys: the layout is the ABI's and the limits come with each image. */
    @Override
    public List<Tunable> tunables() {
        return List.of();
    }

    @Override
    public MemoryManager create(VmContext context) {
        return new RegionMemoryManager(context);
    }
}
