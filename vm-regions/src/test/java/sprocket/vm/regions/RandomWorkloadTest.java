package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.vm.AddressSpace;

/**
 * Seeded random create/fork/touch/sbrk/destroy against a model of what each process wrote: every load sees what
 * that process stored last (or zero), no frame leaks, and the accounting always adds up.
 */
class RandomWorkloadTest {
    private static final int PAGE = Fixture.PAGE;
    private static final String[] PROGRAMS = {"sh", "cc", "ls"};

    /** One simulated process: its space and what it believes its memory holds. */
    private static final class Proc {
        final AddressSpace as;
        final Map<Long, Integer> words;

        Proc(AddressSpace as, Map<Long, Integer> words) {
            this.as = as;
            this.words = words;
        }
    }

    @Test
    void no_frame_leaks_after_a_seeded_random_workload() {
        long cowCopies = 0;
        long outOfMemory = 0;
        for (long seed = 1; seed <= 20; seed++) {
            var kernel = run(seed);
            cowCopies += kernel.count("cow_copies");
            outOfMemory += kernel.count("out_of_memory");
        }
        assertThat(cowCopies).as("the workload exercises copy-on-write").isPositive();
        assertThat(outOfMemory).as("the workload runs memory out").isPositive();
    }

    private FakeKernel run(long seed) {
        var rnd = new SplittableRandom(seed);
        var f = new Fixture(48);
        List<Proc> procs = new ArrayList<>();
        for (int step = 0; step < 600; step++) {
            int op = rnd.nextInt(10);
            if (procs.isEmpty() || op == 0 && procs.size() < 8) {
                String program = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
                procs.add(new Proc(f.create(Fixture.image(program, 2 * PAGE, 3 * PAGE, 16 * PAGE)), new HashMap<>()));
                continue;
            }
            Proc p = procs.get(rnd.nextInt(procs.size()));
            switch (op) {
                case 1 -> {
                    AddressSpace child = p.as.fork(0);
                    if (child != null && procs.size() < 8) {
                        procs.add(new Proc(child, new HashMap<>(p.words)));
                    } else if (child != null) {
                        child.destroy(0);
                    }
                }
                case 2 -> {
                    p.as.destroy(0);
                    procs.remove(p);
                }
                case 3 -> {
                    long old = p.as.brk();
                    long inc = (rnd.nextInt(9) - 4) * (long) PAGE + rnd.nextInt(-100, 100);
                    long r = p.as.sbrk(0, inc);
                    if (r >= 0) {
                        assertThat(r).isEqualTo(old);
                        long brkPage = (p.as.brk() + PAGE - 1) & -PAGE;
                        p.words.keySet().removeIf(va -> va < RegionAddressSpace.STACK_TOP - 16 * PAGE && va >= brkPage);
                    }
                }
                default -> touch(f, p, rnd);
            }
            assertThat(f.vm.freeFrames()).isBetween(0L, f.vm.totalFrames());
        }
        for (Proc p : procs) {
            p.as.destroy(0);
        }
        assertThat(f.vm.freeFrames()).as("seed %d", seed).isEqualTo(f.vm.totalFrames());
        assertThat(f.memory.zeroed).isEqualTo((int) f.kernel.count("zero_fills"));
        return f.kernel;
    }

    private static void touch(Fixture f, Proc p, SplittableRandom rnd) {
        long va = rnd.nextBoolean()
                ? Fixture.TEXT + 2L * PAGE + rnd.nextLong(Math.max(4, p.as.brk() - Fixture.TEXT - 2L * PAGE))
                : RegionAddressSpace.STACK_TOP - 4 - rnd.nextLong(12L * PAGE);
        va &= -4L;
        boolean write = rnd.nextBoolean();
        long pa = f.translate(p.as, va, write ? Access.WRITE : Access.READ);
        if (pa == Mmu.FAULT) {
            return; // past the break, or memory ran out: the model keeps what it had
        }
        if (write) {
            int v = rnd.nextInt();
            f.memory.store(pa, 4, v);
            p.words.put(va, v);
        } else {
            assertThat((int) f.memory.load(pa, 4)).isEqualTo(p.words.getOrDefault(va, 0));
        }
    }
}
