package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The private-L2 board: an L1 miss that hits the CPU's own L2 stays off the bus; another CPU's L2 is no help. */
class PrivateL2MemoryTest {

    private static final long HIT = 1;
    private static final long DRAM_LINE = 24;
    private static final long L2_LINE = 9;

    private final FakeContext kernel = FakeContext.boot(2, 8, new PentiumCaches(true, 8 << 10, 32, 2, 256 << 10, 32,
            1, false));
    private final PrivateL2Memory memory = (PrivateL2Memory) kernel.machine.memorySystem();

    @Test
    void an_l1_miss_that_hits_the_own_l2_costs_a_burst_and_no_bus_transaction() {
        assertThat(memory.load(0, 0, 0x10000, 4)).isEqualTo(HIT + DRAM_LINE + L2_LINE);
        memory.load(0, 100, 0x10000 + 8192, 4); // the two L1 ways of the set taken by other lines
        memory.load(0, 200, 0x10000 + 16384, 4);
        long bus = memory.statistics(0).busTransactions();
        assertThat(memory.load(0, 300, 0x10000, 4)).isEqualTo(HIT + L2_LINE);
        assertThat(memory.statistics(0).busTransactions()).isEqualTo(bus);
    }

    /** Linux SMP HOWTO: without affinity, "separate L2 caches may introduce significant overhead". */
    @Test
    void a_working_set_read_again_on_its_own_cpu_is_cheaper_than_on_the_other() {
        long warm = 0;
        long t = 0;
        for (int i = 0; i < 2048; i++) { // 64 KiB: larger than the L1, well inside the L2
            t += memory.load(0, t, 0x200000 + 32L * i, 4);
        }
        for (int i = 0; i < 2048; i++) {
            long c = memory.load(0, t, 0x200000 + 32L * i, 4);
            warm += c;
            t += c;
        }
        long moved = 0;
        for (int i = 0; i < 2048; i++) {
            long c = memory.load(1, t, 0x200000 + 32L * i, 4);
            moved += c;
            t += c;
        }
        assertThat(warm).isEqualTo(2048 * (HIT + L2_LINE));
        assertThat(moved).isEqualTo(2048 * (HIT + DRAM_LINE + L2_LINE));
        memory.checkInvariants();
    }

    @Test
    void a_store_to_a_line_both_l2s_share_invalidates_the_other_with_one_bus_cycle() {
        memory.load(0, 0, 0x10000, 4);
        memory.load(1, 100, 0x10000, 4);
        long before = memory.statistics(0).busTransactions();
        assertThat(memory.store(0, 200, 0x10000, 4)).as("written through to the L2, an invalidation on the bus")
                .isEqualTo(HIT + PentiumCosts.l2Single() + PentiumCosts.l2Single());
        assertThat(memory.statistics(0).busTransactions()).isEqualTo(before + 1);
        assertThat(memory.statistics(1).invalidations()).isEqualTo(1);
        assertThat(memory.store(0, 300, 0x10004, 4)).isEqualTo(HIT);
    }
}
