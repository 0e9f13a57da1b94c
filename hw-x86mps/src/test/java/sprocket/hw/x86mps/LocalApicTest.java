package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.Vectors;

class LocalApicTest {

    private final FakeContext kernel = FakeContext.boot(3, 4);
    private final InterruptController apic = kernel.machine.interrupts();

    @Test
    void an_ipi_writes_the_icr_arrives_after_the_latency_and_costs_the_sender_the_icr_write() {
        kernel.clocks[2] = 1_000;
        long cost = apic.sendIpi(2, 1, Vectors.RESCHEDULE);
        assertThat(cost).isEqualTo(kernel.machine.costs().ipiSend());
        assertThat(kernel.posts).containsExactly(
                new FakeContext.Post(1, Vectors.RESCHEDULE, 1_000 + kernel.machine.costs().ipiLatency()));
        assertThat(kernel.count("ipis")).isEqualTo(1);
        LocalApic lapic = kernel.machine.apic();
        assertThat(lapic.icrHigh(2) >>> 24).isEqualTo(1);
        assertThat(lapic.icrLow(2)).isEqualTo(Vectors.RESCHEDULE | LocalApic.ICR_ASSERT);
    }

    @Test
    void the_apic_refuses_exception_vectors_and_missing_cpus() {
        // SDM 10.5.3: "Send Illegal Vector" for a vector 0 through 15.
        assertThatThrownBy(() -> apic.sendIpi(0, 1, 14)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apic.sendIpi(0, 3, Vectors.RESCHEDULE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.count("ipis")).isZero();
        assertThat(kernel.posts).isEmpty();
    }

    @Test
    void the_one_shot_timer_raises_the_timer_vector_at_its_deadline() {
        kernel.clocks[0] = 500;
        apic.armTimer(0, 10_500);
        apic.armTimer(1, 0);
        assertThat(kernel.posts).containsExactly(new FakeContext.Post(0, Vectors.TIMER, 10_500),
                new FakeContext.Post(1, Vectors.TIMER, 0));
    }

    @Test
    void a_deadline_already_past_expires_at_once() {
        kernel.clocks[2] = 900;
        apic.armTimer(2, 100);
        assertThat(kernel.posts).containsExactly(new FakeContext.Post(2, Vectors.TIMER, 900));
    }
}
