package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;

class LockXchgTest {

    private final X86MpsMachine machine = new X86MpsMachine(2, 2L << 20);
    private final AtomicUnit xchg = machine.atomics();
    private final CostModel costs = machine.costs();

    @Test
    void taking_a_line_another_cpu_wrote_last_costs_a_cache_line_transfer() {
        // HOWTO 2.2: "a lot of cache and bus traffic may result, effectively to pass the line from cache to cache".
        assertThat(xchg.acquire(0, -1)).isEqualTo(costs.lockAcquire());
        assertThat(xchg.acquire(0, 0)).isEqualTo(costs.lockAcquire());
        assertThat(xchg.acquire(0, 1)).isEqualTo(costs.lockAcquire() + PentiumCosts.LINE_TRANSFER);
    }

    @Test
    void spinning_rereads_the_line_and_release_is_a_plain_store() {
        assertThat(xchg.spin(1)).isEqualTo(costs.lockSpin());
        assertThat(xchg.release(1)).isEqualTo(costs.memoryAccess()).isLessThan(costs.lockAcquire());
        assertThat(xchg.primitive()).isEqualTo("LOCK XCHG on a 32-byte cache line");
    }

    @Test
    void cpus_that_do_not_exist_are_refused() {
        assertThatThrownBy(() -> xchg.acquire(2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> xchg.acquire(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
