package sprocket.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
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
import sprocket.kernel.Catalog;
import sprocket.kernel.Slot;

/** A kernel that panics in one run of a comparison: that cell says so, the exit status is 70, the others complete. */
class PanicInOneRunTest {

    @Test
    void a_panic_in_one_run_is_reported_in_its_cell_and_the_exit_status_and_the_other_runs_complete() {
        Catalog catalog = Catalog.discover(List.of()).withProvider(Slot.HW, new Misdescribed(r2000()));
        Grid grid = Grid.of(List.of(Path.of("..", "configs", "irix-r2000.conf")),
                List.of("hw=r2000,misdescribed", "hw.cpus=1,2"), 1, c -> 1);
        Simulation simulation = new Simulation(catalog, List.of(), false, "hello", List.of());
        Runs runs = new Runs(grid.variants());
        List<Outcome> outcomes = runs.run(2, v -> simulation.run(v, k -> runs.booted(v, k)));
        Comparison c = new Comparison("hello", List.of(), grid, outcomes, Map.of());

        assertThat(outcomes).extracting(Outcome::kind).containsExactly(Outcome.Kind.OK, Outcome.Kind.OK,
                Outcome.Kind.PANIC, Outcome.Kind.PANIC);
        String text = c.text("hello");
        assertThat(text).containsPattern("\\noutcome +ok +ok +kernel panic +kernel panic\\n");
        assertThat(text).contains("run 3 (irix-r2000 hw=misdescribed hw.cpus=1 seed 1): kernel panic: the firmware"
                + " describes 0 CPUs but the machine was built with 1");
        assertThat(c.exitStatus()).isEqualTo(70);
        assertThat(c.columns().get(1).ok()).isTrue();
        assertThat(c.columns().get(1).mean(Figure.SIMULATED_CYCLES)).isPositive();
    }

    private static HardwareProvider r2000() {
        // The command finds machines through the kernel's Catalog; this test looks one up itself.
        PanicInOneRunTest.class.getModule().addUses(HardwareProvider.class);
        return ServiceLoader.load(HardwareProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("r2000")).findFirst().orElseThrow();
    }

    /** The R2000, but its firmware leaves the last CPU out: the kernel's boot check panics. */
    private record Misdescribed(HardwareProvider real) implements HardwareProvider {
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
}
