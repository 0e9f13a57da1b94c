package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.MemoryStatistics;

/** Exact costs of small scenarios on the dual Pentium board's memory system (docs/machines.md, "x86mps"). */
class PentiumMemoryTest {

    private static final long HIT = 1;
    /** A 32-byte burst from DRAM, 7-3-3-3 bus clocks = 16 = 24 processor cycles. */
    private static final long DRAM_LINE = 24;
    /** A 32-byte burst from the L2, 3-1-1-1 = 6 bus clocks = 9 cycles. */
    private static final long L2_LINE = 9;
    /** One written-through word into the L2, 3 bus clocks rounded up. */
    private static final long L2_WORD = 5;
    /** A snoop hit on a modified line: the requester's cycle backed off for 2 bus clocks. */
    private static final long BACKOFF = 3;

    private final FakeContext kernel = FakeContext.boot(2, 8);
    private final SharedL2Memory memory = (SharedL2Memory) kernel.machine.memorySystem();

    @Test
    void the_figures_are_the_bus_clocks_of_the_board_at_one_and_a_half_cycles_each() {
        assertThat(PentiumCosts.memoryBurst(32)).isEqualTo(DRAM_LINE);
        assertThat(PentiumCosts.l2Burst(32)).isEqualTo(L2_LINE);
        assertThat(PentiumCosts.l2Single()).isEqualTo(L2_WORD);
        assertThat(PentiumCosts.backoff()).isEqualTo(BACKOFF);
        assertThat(PentiumCosts.memoryBurst(64)).as("7-3-3-3-3-3-3-3").isEqualTo(42);
    }

    @Test
    void a_cold_load_fills_the_l2_from_dram_and_the_line_then_hits() {
        assertThat(memory.load(0, 0, 0x10000, 4)).isEqualTo(HIT + DRAM_LINE + L2_LINE);
        assertThat(memory.load(0, 100, 0x10004, 4)).isEqualTo(HIT);
        assertThat(memory.load(0, 100, 0x10018, 8)).as("the last doubleword of the line").isEqualTo(HIT);
        assertThat(memory.statistics(0)).isEqualTo(new MemoryStatistics(2, 1, 0, 0, 0, 1, 0));
        assertThat(kernel.count("cache_misses")).isEqualTo(1);
        assertThat(kernel.count("bus_transactions")).isEqualTo(1);
    }

    /** The HOWTO's "shared fetch": a line one CPU brought into the shared L2 is a cheap fill for the other. */
    @Test
    void a_line_the_other_cpu_fetched_comes_from_the_shared_l2() {
        memory.load(0, 0, 0x10000, 4);
        assertThat(memory.load(1, 100, 0x10000, 4)).isEqualTo(HIT + L2_LINE);
        assertThat(memory.l1[0].state(memory.l1[0].probe(0x10000 >>> 5))).isEqualTo(CacheArray.SHARED);
    }

    @Test
    void a_load_of_a_line_modified_in_the_other_cache_is_a_hitm_write_back_and_fill() {
        memory.load(0, 0, 0x10000, 4);
        assertThat(memory.store(0, 100, 0x10000, 4)).as("Exclusive to Modified, no bus").isEqualTo(HIT);
        assertThat(memory.load(1, 200, 0x10008, 4)).isEqualTo(HIT + BACKOFF + L2_LINE + L2_LINE);
        assertThat(memory.statistics(1).transfers()).isEqualTo(1);
        assertThat(memory.statistics(0).writebacks()).isEqualTo(1);
        assertThat(memory.store(1, 300, 0x10008, 4)).as("Shared: written through, the other copy invalidated")
                .isEqualTo(HIT + L2_WORD);
        assertThat(memory.statistics(0).invalidations()).isEqualTo(1);
        assertThat(memory.load(0, 400, 0x10000, 4)).isEqualTo(HIT + BACKOFF + L2_LINE + L2_LINE);
        memory.checkInvariants();
    }

    /** Linux SMP HOWTO, "Cache Line Size": two CPUs writing different words of one line pass it to and fro. */
    @Test
    void counters_in_one_line_ping_pong_and_padded_counters_hit() {
        long shared = incrementInTurn(0x20000, 0x20004, 100, 10_000);
        long padded = incrementInTurn(0x30000, 0x30000 + 32, 100, 1_000_000);
        long hitmLoad = HIT + BACKOFF + L2_LINE + L2_LINE;
        long writeThrough = HIT + L2_WORD;
        // CPU 0 first takes the line from DRAM and owns it; from then on every increment is a HITM load and a
        // written-through store to a Shared line.
        assertThat(shared).isEqualTo(HIT + DRAM_LINE + L2_LINE + HIT + (2 * 100 - 1) * (hitmLoad + writeThrough));
        assertThat(padded).isEqualTo(2 * (HIT + DRAM_LINE + L2_LINE + HIT) + 2 * 99 * 2 * HIT);
        assertThat(shared).isGreaterThan(10 * padded);
    }

    /**
     * Both CPUs increment their counter {@code rounds} times, taking turns one after the other in time (so neither
     * waits for the bus); returns the cycles spent in all.
     */
    private long incrementInTurn(long a, long b, int rounds, long start) {
        long clock = start;
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            for (int cpu = 0; cpu < 2; cpu++) {
                long pa = cpu == 0 ? a : b;
                long cost = memory.load(cpu, clock, pa, 4);
                cost += memory.store(cpu, clock + cost, pa, 4);
                clock += cost;
                total += cost;
            }
        }
        memory.checkInvariants();
        return total;
    }

    /**
     * The HOWTO on spin locks "using atomic bus-locking instructions, which can cause excessive memory-reference
     * interference": a test-and-set spinner holds the bus every turn and slows the other CPU's misses; a
     * test-and-test-and-set spinner spins in its cache and costs it nothing.
     */
    @Test
    void a_test_and_set_spinner_slows_the_other_cpu_and_a_test_and_test_and_set_spinner_does_not() {
        Spin tas = spinAgainstStream(true);
        Spin ttas = spinAgainstStream(false);
        assertThat(ttas.streamWait).isZero();
        assertThat(ttas.streamDone).isEqualTo(1_000 + 64 * (HIT + DRAM_LINE + L2_LINE));
        assertThat(ttas.spinnerBus).as("its first look, then spinning in the L1").isEqualTo(1);
        assertThat(tas.streamWait).isGreaterThan(64 * 10);
        assertThat(tas.streamDone).isGreaterThan(ttas.streamDone + 64 * 10);
        assertThat(tas.spinnerBus).isGreaterThan(100);
    }

    private record Spin(long streamDone, long streamWait, long spinnerBus) {
    }

    /** CPU 0 spins on a held lock while CPU 1 reads 64 cold lines; the CPU whose clock is behind goes next. */
    private Spin spinAgainstStream(boolean testAndSet) {
        FakeContext k = FakeContext.boot(2, 8);
        SharedL2Memory m = (SharedL2Memory) k.machine.memorySystem();
        long lock = 0x40000;
        m.store(1, 0, lock, 4); // the holder's store
        m.load(0, 100, lock, 4); // the spinner has looked at the lock once
        long[] clock = {1_000, 1_000};
        int loads = 0;
        while (loads < 64) {
            if (clock[0] <= clock[1]) {
                clock[0] += testAndSet ? m.testAndSet(0, clock[0], lock) : m.load(0, clock[0], lock, 4);
            } else {
                clock[1] += m.load(1, clock[1], 0x100000 + 32L * loads++, 4);
            }
            k.clocks[0] = clock[0];
            k.clocks[1] = clock[1];
        }
        m.checkInvariants();
        return new Spin(clock[1], m.statistics(1).busWaitCycles(), m.statistics(0).busTransactions());
    }

    @Test
    void a_locked_exchange_writes_its_own_modified_line_back_and_leaves_no_copy_cached() {
        memory.load(0, 0, 0x50000, 4);
        memory.store(0, 50, 0x50000, 4);
        memory.load(1, 100, 0x50000, 4); // both Shared now, the L2 holds the line
        long cost = memory.testAndSet(0, 200, 0x50000);
        assertThat(cost).as("a locked read and a locked write into the L2").isEqualTo(HIT + 2 * L2_WORD);
        assertThat(memory.l1[0].probe(0x50000 >>> 5)).isNegative();
        assertThat(memory.l1[1].probe(0x50000 >>> 5)).isNegative();
        assertThat(memory.lockRelease(0, 300, 0x50000)).as("a store that misses: one write past the L1")
                .isEqualTo(HIT + L2_WORD);
    }

    @Test
    void a_page_zeroed_through_caches_that_do_not_allocate_on_writes_is_bus_bound() {
        long cost = memory.zeroFrame(0, 0, 0x300);
        // 1024 stores, each a single posted write to DRAM (4 bus clocks = 6 cycles) past the L1 and the L2.
        assertThat(cost).isEqualTo(1024 * (HIT + 6));
        assertThat(memory.statistics(0).busTransactions()).isEqualTo(1024);
    }

    @Test
    void copyin_reads_a_line_per_32_bytes_and_copies_two_cycles_a_word() {
        long cost = memory.read(0, 0, 0x60000, 100); // 4 lines (0x60000..0x60063), 25 words
        assertThat(cost).isEqualTo(4 * (DRAM_LINE + L2_LINE) + 25 * PentiumCosts.MODEL.copyWord());
        assertThat(memory.read(0, 1_000, 0x60000, 100)).isEqualTo(25 * PentiumCosts.MODEL.copyWord());
    }

    @Test
    void with_the_caches_off_every_figure_is_the_flat_cost_model() {
        FakeContext k = FakeContext.boot(2, 8, new PentiumCaches(false, 8 << 10, 32, 2, 256 << 10, 32, 1, true));
        var m = k.machine.memorySystem();
        assertThat(m.load(0, 0, 0x10000, 8)).isEqualTo(PentiumCosts.MODEL.memoryAccess());
        assertThat(m.store(1, 0, 0x10000, 8)).isEqualTo(PentiumCosts.MODEL.memoryAccess());
        assertThat(m.read(0, 0, 0x10000, 10)).isEqualTo(3 * PentiumCosts.MODEL.copyWord());
        assertThat(m.zeroFrame(0, 0, 0x300)).isEqualTo(PentiumCosts.MODEL.pageZero());
        assertThat(m.copyFrame(0, 0, 0x300, 0x301)).isEqualTo(PentiumCosts.MODEL.pageCopy());
        assertThat(m.statistics()).isEqualTo(MemoryStatistics.NONE);
    }
}
