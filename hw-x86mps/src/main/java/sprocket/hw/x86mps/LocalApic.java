package sprocket.hw.x86mps;

import sprocket.api.hw.CostModel;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.Vectors;
import sprocket.api.spi.Counter;

/**
 * The local APICs, one per processor: the interrupt command register (ICR) that sends inter-processor
 * interrupts over the APIC bus, and the one-shot APIC timer.
 */
final class LocalApic implements InterruptController {

    /** ICR bit 14, level: assert (required for fixed delivery). */
    static final int ICR_ASSERT = 1 << 14;
    /** ICR high dword: the destination APIC ID sits in bits 31..24 (physical destination mode). */
    static final int ICR_DESTINATION_SHIFT = 24;

    private final Cpu[] cpus;
    private final CostModel costs;
    private final int[] icrLow;
    private final int[] icrHigh;
    private MachineContext context;
    private Counter ipis;

    LocalApic(Cpu[] cpus, CostModel costs) {
        this.cpus = cpus;
        this.costs = costs;
        this.icrLow = new int[cpus.length];
        this.icrHigh = new int[cpus.length];
    }

    void attach(MachineContext context) {
        this.context = context;
        this.ipis = context.counter("ipis");
    }

    /**
     * Writes the sender's ICR (destination high, then vector with fixed delivery, which sends) and posts the
     * interrupt to arrive after the APIC bus latency. Vectors 0..15 are the processor's exceptions: the APIC
     * refuses them ("send illegal vector"), and so does this.
     */
    @Override
    public long sendIpi(int fromCpu, int toCpu, int vector) {
        checkCpu(fromCpu);
        checkCpu(toCpu);
        if (vector < 16 || vector > 255) {
            throw new IllegalArgumentException("illegal IPI vector " + vector + ": the APIC sends 16..255");
        }
        icrHigh[fromCpu] = cpus[toCpu].apicId << ICR_DESTINATION_SHIFT;
        icrLow[fromCpu] = vector | ICR_ASSERT;
        ipis.increment();
        context.post(toCpu, vector, context.now(fromCpu) + costs.ipiLatency());
        return costs.ipiSend();
    }

    /**
     * Starts the APIC timer in one-shot mode to expire at {@code atCycle}; a time already past expires at once,
     * as an initial count of one would.
     */
    @Override
    public void armTimer(int cpu, long atCycle) {
        checkCpu(cpu);
        context.post(cpu, Vectors.TIMER, Math.max(atCycle, context.now(cpu)));
    }

    /** The low dword of {@code cpu}'s ICR as last written. */
    int icrLow(int cpu) {
        return icrLow[cpu];
    }

    /** The high dword of {@code cpu}'s ICR as last written. */
    int icrHigh(int cpu) {
        return icrHigh[cpu];
    }

    private void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus.length) {
            throw new IllegalArgumentException("no CPU " + cpu + " on this " + cpus.length + "-CPU machine");
        }
    }
}
