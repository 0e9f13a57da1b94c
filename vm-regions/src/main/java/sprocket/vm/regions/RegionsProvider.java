package sprocket.vm.regions;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.spi.Tunable;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.api.vm.VmContext;

/** Makes the System V regions memory manager; the configuration picks it with {@code vm = regions}. */
public final class RegionsProvider implements MemoryManagerProvider {
    static final String DATA_RESERVE = "vm.data_reserve";

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
        return "System V regions and pregions: demand-zero paging, shared text, copy-on-write fork, sbrk, growing stack,"
                + " anonymous and file mmap, System V shared memory, share-group views with private PRDAs and sproc stacks";
    }

    /** The layout is the ABI's and the stack limit comes with each image; only the break's reserve is configured. */
    @Override
    public List<Tunable> tunables() {
        return List.of(Tunable.size(DATA_RESERVE, "64M", 0, 1L << 30,
                "address space kept free above the data segment for sbrk; mmap without MAP_FIXED places above it"));
    }

    @Override
    public MemoryManager create(VmContext context) {
        return new RegionMemoryManager(context);
    }
}
