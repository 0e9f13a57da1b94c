package sprocket.hw.r2000;

import java.util.Objects;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.Vectors;
import sprocket.api.spi.Counter;

/**
 * The interrupt lines of the CPU boards: inter-processor interrupts written across the bus, and each board's
 * interval timer. The R2000 has no timer of its own (Count and Compare came with the R4000), so the tick is a
 * board timer wired to an interrupt pin.
 */
final class InterruptUnit implements InterruptController {

    private final int cpus;
    private final CostModel costs;
    private MachineContext context;
    private Counter ipis;

    InterruptUnit(int cpus, CostModel costs) {
        this.cpus = cpus;
        this.costs = costs;
    }

    void attach(MachineContext context) {
        this.context = Objects.requireNonNull(context);
        this.ipis = context.counter("ipis");
    }

    @Override
    public long sendIpi(int fromCpu, int toCpu, int vector) {
        checkCpu(fromCpu);
        checkCpu(toCpu);
        context.post(toCpu, vector, context.now(fromCpu) + costs.ipiLatency());
        ipis.increment();
        return costs.ipiSend();
    }

    @Override
    public void armTimer(int cpu, long atCycle) {
        checkCpu(cpu);
        context.post(cpu, Vectors.TIMER, atCycle);
    }

    private void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("no CPU " + cpu + " (the machine has " + cpus + ")");
        }
    }
}
