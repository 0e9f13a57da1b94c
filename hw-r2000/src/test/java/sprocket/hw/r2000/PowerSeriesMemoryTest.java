package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.hw.MemoryStatistics;

/** Exact costs of small scenarios on the POWER Series memory system, and its invariants under random traffic. */
class PowerSeriesMemoryTest {

    private static final long HIT = 1;
    /** A 16-byte line over the MPlink: arbitration and address 2, memory 4, four words 4. */
    private static final long MEMORY_LINE = 10;

    private final FakeMachineContext kernel = new FakeMachineContext(2);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(2, kernel, PowerSeriesCaches.standard());
    private final PowerSeriesMemory memory = (PowerSeriesMemory) machine.memorySystem();

    @Test
    void a_load_misses_to_memory_then_hits_and_a_line_pushed_out_of_the_l1_comes_back_from_the_l2() {
        assertThat(memory.load(0, 0, 0x10000, 4)).isEqualTo(HIT + MEMORY_LINE);
        assertThat(memory.load(0, 100, 0x1000C, 4)).isEqualTo(HIT);
        memory.load(0, 200, 0x10000 + (64 << 10), 4); // the same L1 set, another L2 set
        assertThat(memory.load(0, 300, 0x10000, 4)).isEqualTo(HIT + R2000Costs.L2_REFILL);
        assertThat(memory.statistics(0)).isEqualTo(new MemoryStatistics(1, 3, 0, 0, 0, 2, 0));
    }

    /** Four entries drain a word every three bus cycles: the fifth store waits for none, the sixth for one. */
    @Test
    void stores_cost_a_cycle_until_the_write_buffer_is_full_then_the_bus_sets_the_pace() {
        List<Long> costs = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 8; i++) {
            long c = memory.store(0, t, 0x20000 + 4L * i, 4);
            costs.add(c);
            t += c;
        }
        assertThat(costs).containsExactly(1L, 1L, 1L, 1L, 1L, 2L, 3L, 3L);
        assertThat(memory.statistics(0).busTransactions()).isEqualTo(8);
    }

    @Test
    void a_store_invalidates_the_other_cpus_copy_and_its_next_load_goes_to_memory() {
        memory.load(0, 0, 0x30000, 4);
        memory.load(1, 100, 0x30004, 4);
        memory.store(0, 200, 0x30000, 4);
        assertThat(memory.l2[1].holds(0x30000 >>> 4)).isFalse();
        assertThat(memory.l1[1].holds(0x30000 >>> 4)).isFalse();
        assertThat(memory.statistics(1).invalidations()).isEqualTo(1);
        assertThat(memory.load(1, 300, 0x30004, 4)).isEqualTo(HIT + MEMORY_LINE);
        assertThat(memory.statistics()).extracting(MemoryStatistics::writebacks, MemoryStatistics::transfers)
                .as("write-through: memory is never stale, nothing to write back or pass across").containsExactly(0L, 0L);
    }

    /** Linux SMP HOWTO, "Cache Line Size": on the R2000 every write invalidates the other CPU's line. */
    @Test
    void counters_in_one_line_miss_every_time_and_padded_counters_hit() {
        long shared = incrementInTurn(0x40000, 0x40004, 100, 10_000);
        long padded = incrementInTurn(0x50000, 0x50010, 100, 1_000_000);
        assertThat(shared).isEqualTo(2 * 100 * (HIT + MEMORY_LINE + HIT));
        assertThat(padded).isEqualTo(2 * (HIT + MEMORY_LINE + HIT) + 2 * 99 * (HIT + HIT));
    }

    /** Both CPUs increment their counters in turn, with the bus idle between turns; returns the cycles in all. */
    private long incrementInTurn(long a, long b, int rounds, long start) {
        long clock = start;
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            for (int cpu = 0; cpu < 2; cpu++) {
                long pa = cpu == 0 ? a : b;
                long cost = memory.load(cpu, clock, pa, 4);
                cost += memory.store(cpu, clock + cost, pa, 4);
                clock += cost + 20;
                total += cost;
            }
        }
        return total;
    }

    /** The POWER Series' separate synchronisation bus: spinning on the lock unit takes nothing from the MPlink. */
    @Test
    void a_spinning_test_and_set_does_not_slow_the_other_cpus_memory_traffic() {
        long[] clock = {1_000, 1_000};
        int loads = 0;
        while (loads < 64) {
            if (clock[0] <= clock[1]) {
                clock[0] += memory.testAndSet(0, clock[0], 0x70000);
            } else {
                clock[1] += memory.load(1, clock[1], 0x100000 + 16L * loads++, 4);
            }
        }
        assertThat(clock[1]).isEqualTo(1_000 + 64 * (HIT + MEMORY_LINE));
        assertThat(memory.statistics(1).busWaitCycles()).isZero();
        long t = clock[0] + 100;
        assertThat(memory.testAndSet(0, t, 0x70000)).isEqualTo(machine.costs().lockAcquire());
        assertThat(memory.testAndSet(1, t, 0x70000)).as("two CPUs at the lock unit at once: one waits")
                .isEqualTo(R2000Costs.SYNC_BUS_OP + machine.costs().lockAcquire());
    }

    @Test
    void zeroing_a_page_is_bound_by_the_bus_draining_the_write_buffer() {
        // Word k enters when word k-4 has drained; the bus takes a word every three cycles.
        assertThat(memory.zeroFrame(0, 0, 0x200)).isEqualTo(3 * 1020 + HIT);
        assertThat(memory.statistics(0).busTransactions()).isEqualTo(1024);
    }

    @Test
    void copyin_reads_a_line_per_16_bytes_and_copies_two_cycles_a_word() {
        assertThat(memory.read(0, 0, 0x60000, 100)).isEqualTo(7 * MEMORY_LINE + 25 * machine.costs().copyWord());
        assertThat(memory.read(0, 1_000, 0x60000, 100)).isEqualTo(25 * machine.costs().copyWord());
    }

    @Test
    void random_traffic_keeps_inclusion_and_leaves_no_copy_behind_a_store() {
        for (long seed = 1; seed <= 20; seed++) {
            PowerSeriesMemory m = new PowerSeriesMemory(4, R2000Costs.standard(), 256, 16, 1, 1024, 32, 2);
            SplittableRandom random = new SplittableRandom(seed);
            long[] clock = new long[4];
            for (int i = 0; i < 3_000; i++) {
                int cpu = random.nextInt(4);
                long pa = 0x100000 + random.nextInt(4) * 4096L + random.nextInt(64) * 16L + random.nextInt(4) * 4L;
                long cost = switch (random.nextInt(6)) {
                    case 0, 1 -> m.load(cpu, clock[cpu], pa, 1 << random.nextInt(4));
                    case 2, 3 -> {
                        long c = m.store(cpu, clock[cpu], pa, 4);
                        for (int o = 0; o < 4; o++) {
                            assertThat(o == cpu || !m.l2[o].holds(pa >>> 5)).isTrue();
                        }
                        yield c;
                    }
                    case 4 -> random.nextBoolean() ? m.read(cpu, clock[cpu], pa, 1 + random.nextInt(60))
                            : m.write(cpu, clock[cpu], pa, 1 + random.nextInt(60));
                    default -> m.copyFrame(cpu, clock[cpu], 0x100 + random.nextInt(4), 0x100 + random.nextInt(4));
                };
                assertThat(cost).isPositive();
                clock[cpu] += cost;
                m.checkInclusion();
            }
            assertThat(m.statistics().writebacks()).isZero();
        }
    }
}
