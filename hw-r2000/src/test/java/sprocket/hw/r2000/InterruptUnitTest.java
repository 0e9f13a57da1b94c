package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.Vectors;

class InterruptUnitTest {

    private final FakeMachineContext kernel = new FakeMachineContext(4);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(4, kernel);

    @Test
    void an_ipi_arrives_after_the_latency_and_costs_the_sender_the_send() {
        InterruptController ic = machine.interrupts();
        kernel.clock[2] = 700;
        long cost = ic.sendIpi(2, 3, Vectors.RESCHEDULE);
        assertThat(cost).isEqualTo(machine.costs().ipiSend());
        assertThat(kernel.posts).containsExactly(
                new FakeMachineContext.Post(3, Vectors.RESCHEDULE, 700 + machine.costs().ipiLatency()));
        assertThat(kernel.count("ipis")).isEqualTo(1);
    }

    @Test
    void the_timer_is_one_shot_at_the_armed_cycle() {
        machine.interrupts().armTimer(1, 166_700);
        assertThat(kernel.posts).containsExactly(new FakeMachineContext.Post(1, Vectors.TIMER, 166_700));
    }

    @Test
    void interrupts_to_a_missing_cpu_are_refused() {
        assertThatThrownBy(() -> machine.interrupts().sendIpi(0, 4, Vectors.RESCHEDULE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> machine.interrupts().armTimer(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.count("ipis")).isZero();
    }

    /** No cache line moves with a bus lock, so taking it costs the same whoever held it last. */
    @Test
    void the_lock_unit_costs_the_same_whoever_held_the_lock_last() {
        AtomicUnit locks = machine.atomics();
        assertThat(locks.primitive()).contains("lock unit").contains("no atomic read-modify-write");
        long fresh = locks.acquire(0, -1);
        assertThat(fresh).isEqualTo(machine.costs().lockAcquire());
        assertThat(locks.acquire(0, 0)).isEqualTo(fresh);
        assertThat(locks.acquire(0, 3)).isEqualTo(fresh);
        assertThat(locks.spin(1)).isEqualTo(machine.costs().lockSpin());
        assertThat(locks.release(1)).isEqualTo(LockUnit.RELEASE_CYCLES);
        assertThatThrownBy(() -> locks.acquire(9, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
