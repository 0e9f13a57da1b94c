package sprocket.cli.compare;

import java.util.List;
import java.util.ServiceLoader;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MachineDescription;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.spi.Tunable;

/** The R2000, but its firmware leaves the last CPU out: the kernel's boot check panics. */
public record Misdescribed(HardwareProvider real) implements HardwareProvider {

    /** The misdescribed R2000, for a catalog's hw slot. */
    public static HardwareProvider machine() {
        // The command finds machines through the kernel's Catalog; a test looks one up itself.
        Misdescribed.class.getModule().addUses(HardwareProvider.class);
        return ServiceLoader.load(HardwareProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("r2000")).map(Misdescribed::new).findFirst().orElseThrow();
    }

    @Override
    public String name() {
        return "misdescribed";
    }

    @Override
    public String version() {
        return real.version();
    }

    @Override
    public String apiVersion() {
        return real.apiVersion();
    }

    @Override
    public String description() {
        return "an R2000 whose firmware leaves a CPU out";
    }

    @Override
    public List<Tunable> tunables() {
        return real.tunables();
    }

    @Override
    public int maxCpus() {
        return real.maxCpus();
    }

    @Override
    public long minMemory() {
        return real.minMemory();
    }

    @Override
    public Machine build(MachineConfig config) {
        Machine m = real.build(config);
        return new Machine() {
            public MachineDescription description() {
                return m.description();
            }

            public CostModel costs() {
                return m.costs();
            }

            public void attach(MachineContext context) {
                m.attach(context);
            }

            public List<CpuInfo> probeCpus() {
                List<CpuInfo> all = m.probeCpus();
                return all.subList(0, all.size() - 1);
            }

            public PhysicalMemory memory() {
                return m.memory();
            }

            public Mmu mmu() {
                return m.mmu();
            }

            public InterruptController interrupts() {
                return m.interrupts();
            }

            public AtomicUnit atomics() {
                return m.atomics();
            }

            public MemorySystem memorySystem() {
                return m.memorySystem();
            }
        };
    }
}
