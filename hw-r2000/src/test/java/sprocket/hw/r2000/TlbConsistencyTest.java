package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

/**
 * Random mixes of enter, remove, protect, activate, destroy and translate on four CPUs, with enough address
 * spaces to wrap the ASIDs several times: every translation must agree with the page tables as last set,
 * never with a stale TLB entry.
 */
class TlbConsistencyTest {

    private static final int CPUS = 4;
    private static final int PAGES = 40;

    private record Mapping(int frame, int prot) {
    }

    private static final class Space {
        final Pmap pmap;
        final Map<Integer, Mapping> pages = new HashMap<>();

        Space(Pmap pmap) {
            this.pmap = pmap;
        }
    }

    @Test
    void translations_always_agree_with_the_page_tables() {
        for (long seed = 1; seed <= 5; seed++) {
            run(new SplittableRandom(seed));
        }
    }

    private static void run(SplittableRandom random) {
        FakeMachineContext kernel = new FakeMachineContext(CPUS);
        R2000Machine machine = FakeMachineContext.attachedMachine(CPUS, kernel);
        Mmu mmu = machine.mmu();
        int frames = machine.memory().frames();
        List<Space> spaces = new ArrayList<>();
        Space[] running = new Space[CPUS];

        for (int step = 0; step < 40_000; step++) {
            int cpu = random.nextInt(CPUS);
            kernel.charge(cpu, random.nextInt(1, 20));
            int op = random.nextInt(100);
            if (spaces.isEmpty() || op < 3) {
                spaces.add(new Space(mmu.createPmap()));
            } else if (op < 5 && spaces.size() > 1) {
                Space dead = spaces.remove(random.nextInt(spaces.size()));
                for (int c = 0; c < CPUS; c++) {
                    if (running[c] == dead) {
                        running[c] = null;
                    }
                }
                dead.pmap.destroy(cpu);
            } else if (op < 15) {
                Space s = spaces.get(random.nextInt(spaces.size()));
                s.pmap.activate(cpu);
                running[cpu] = s;
            } else if (op < 30) {
                Space s = spaces.get(random.nextInt(spaces.size()));
                int page = random.nextInt(PAGES);
                Mapping m = new Mapping(random.nextInt(16, frames), random.nextInt(8));
                s.pmap.enter(cpu, (long) page << 12, m.frame(), m.prot());
                s.pages.put(page, m);
            } else if (op < 36) {
                Space s = spaces.get(random.nextInt(spaces.size()));
                int page = random.nextInt(PAGES);
                int count = random.nextInt(1, 6);
                s.pmap.remove(cpu, (long) page << 12, (long) count << 12);
                for (int p = page; p < page + count; p++) {
                    s.pages.remove(p);
                }
            } else if (op < 42) {
                Space s = spaces.get(random.nextInt(spaces.size()));
                int page = random.nextInt(PAGES);
                int count = random.nextInt(1, 6);
                int prot = random.nextInt(8);
                s.pmap.protect(cpu, (long) page << 12, (long) count << 12, prot);
                for (int p = page; p < page + count; p++) {
                    s.pages.computeIfPresent(p, (k, m) -> new Mapping(m.frame(), prot));
                }
            } else {
                int page = random.nextInt(PAGES);
                int offset = random.nextInt(4096);
                Access access = Access.values()[random.nextInt(3)];
                long got = mmu.translate(cpu, ((long) page << 12) + offset, access);
                Mapping m = running[cpu] == null ? null : running[cpu].pages.get(page);
                long expected = m == null || !r2000Allows(m.prot(), access) ? Mmu.FAULT : ((long) m.frame() << 12) + offset;
                assertThat(got).as("step %d: CPU %d %s page %d", step, cpu, access, page).isEqualTo(expected);
            }
        }
        assertThat(kernel.count("asid_wraps")).as("the mix wraps the ASIDs").isPositive();
        assertThat(kernel.count("shootdowns")).isPositive();
    }

    /** What the R2000 can express: any right makes a page valid (readable and executable), only WRITE makes it dirty. */
    private static boolean r2000Allows(int prot, Access access) {
        return access == Access.WRITE ? (prot & Prot.WRITE) != 0 : prot != Prot.NONE;
    }
}
