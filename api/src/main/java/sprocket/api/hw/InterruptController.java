package sprocket.api.hw;

/**
 * Timers and inter-processor interrupts. Interrupts reach the kernel through
 * {@link MachineContext#post}, delivered at a simulated time.
 */
public interface InterruptController {

    /**
     * Sends interrupt {@code vector} from {@code fromCpu} to {@code toCpu} (x86: a write to the local APIC's
     * ICR). Returns the cycles the sender spends; the machine posts the interrupt to arrive after its latency.
     */
    long sendIpi(int fromCpu, int toCpu, int vector);

    /** Arms {@code cpu}'s one-shot timer to raise {@link Vectors#TIMER} when its clock reaches {@code atCycle}. */
    void armTimer(int cpu, long atCycle);
}
