package sprocket.hw.r2000;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.spi.Tunable;

/** Builds the MIPS R2000 multiprocessor; the configuration picks it with {@code hw = r2000}. */
public final class R2000Provider implements HardwareProvider {

    /** Eight CPU slots on the bus, as on SGI's largest Power Series boards. */
    static final int MAX_CPUS = 8;

    /** One megabyte: the kernel's reserved frames plus room for a few small processes. */
    static final long MIN_MEMORY = 1L << 20;

    public R2000Provider() {
    }

    @Override
    public String name() {
        return "r2000";
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
        return "MIPS R2000 multiprocessor: 64-entry software-refilled TLB with ASIDs, write-through L1 and snooping L2"
                + " data caches per CPU on the MPlink bus, hardware lock unit on a sync bus";
    }

    /** The memory system's keys; {@code hw.cpus} and {@code hw.memory} are the kernel's, handed over in the MachineConfig. */
    @Override
    public List<Tunable> tunables() {
        return PowerSeriesCaches.TUNABLES;
    }

    @Override
    public int maxCpus() {
        return MAX_CPUS;
    }

    @Override
    public long minMemory() {
        return MIN_MEMORY;
    }

    /** 512 MiB: kseg0 and kseg1 map the low 512 MiB of physical memory, all the kernel reaches unmapped. */
    @Override
    public long maxMemory() {
        return MainMemory.MAX_BYTES;
    }

    @Override
    public Machine build(MachineConfig config) {
        if (config.cpus() < 1 || config.cpus() > MAX_CPUS) {
            throw new IllegalArgumentException("the R2000 machine has 1.." + MAX_CPUS + " CPUs, not " + config.cpus());
        }
        return new R2000Machine(config.cpus(), config.memoryBytes(), PowerSeriesCaches.from(config.settings()));
    }
}
