package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * MESI holds under seeded random multi-CPU traffic, on small caches so lines are evicted often: a line Modified or
 * Exclusive in one cache is in no other, a private L2 includes its L1, and after a CPU's store no other CPU holds
 * the line, so the next load anywhere else misses and sees the store (the data itself is always in RAM).
 */
class CoherenceTest {

    private static PentiumMemory small(boolean shared, int cpus) {
        return shared ? new SharedL2Memory(cpus, 512, 32, 2, 2048, 64, 1)
                : new PrivateL2Memory(cpus, 512, 32, 2, 2048, 64, 2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void random_traffic_keeps_every_invariant(boolean sharedL2) {
        for (long seed = 1; seed <= 20; seed++) {
            run(small(sharedL2, 4), seed, 3_000);
        }
    }

    @Test
    void the_same_traffic_costs_the_same_cycles() {
        assertThat(run(small(true, 3), 42, 2_000)).isEqualTo(run(small(true, 3), 42, 2_000));
        assertThat(run(small(false, 3), 42, 2_000)).isEqualTo(run(small(false, 3), 42, 2_000));
    }

    /** Runs {@code ops} random operations; returns each one's cost. */
    private static List<Long> run(PentiumMemory m, long seed, int ops) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] clock = new long[m.cpus];
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            int cpu = lowest(clock);
            long pa = 0x100000 + random.nextInt(4) * 4096L + random.nextInt(24) * 32L + random.nextInt(8) * 4L;
            long cost = switch (random.nextInt(10)) {
                case 0, 1, 2 -> m.load(cpu, clock[cpu], pa + random.nextInt(4), 1 << random.nextInt(4));
                case 3, 4, 5 -> {
                    long c = m.store(cpu, clock[cpu], pa, 4);
                    assertNoOtherCopy(m, cpu, pa);
                    yield c;
                }
                case 6 -> m.testAndSet(cpu, clock[cpu], pa);
                case 7 -> m.lockRelease(cpu, clock[cpu], pa);
                case 8 -> random.nextBoolean() ? m.read(cpu, clock[cpu], pa, 1 + random.nextInt(100))
                        : m.write(cpu, clock[cpu], pa, 1 + random.nextInt(100));
                default -> random.nextBoolean() ? m.zeroFrame(cpu, clock[cpu], 0x100 + random.nextInt(4))
                        : m.copyFrame(cpu, clock[cpu], 0x100 + random.nextInt(4), 0x100 + random.nextInt(4));
            };
            assertThat(cost).isPositive();
            clock[cpu] += cost;
            costs.add(cost);
            m.checkInvariants();
        }
        return costs;
    }

    private static void assertNoOtherCopy(PentiumMemory m, int cpu, long pa) {
        for (int o = 0; o < m.cpus; o++) {
            if (o != cpu) {
                assertThat(m.l1[o].probe(pa >>> 5)).as("CPU %d's L1 after CPU %d stored", o, cpu).isNegative();
                if (m instanceof PrivateL2Memory p) {
                    assertThat(p.l2(o).probe(pa >>> 6)).as("CPU %d's L2 after CPU %d stored", o, cpu).isNegative();
                }
            }
        }
    }

    private static int lowest(long[] clock) {
        int best = 0;
        for (int c = 1; c < clock.length; c++) {
            if (clock[c] < clock[best]) {
                best = c;
            }
        }
        return best;
    }
}
