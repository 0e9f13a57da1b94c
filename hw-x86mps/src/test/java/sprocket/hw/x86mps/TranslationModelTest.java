package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

/**
 * Random enter/remove/protect/activate/translate on four CPUs and two address spaces, checked after every step
 * against a plain map of what each address space maps: a stale TLB entry anywhere shows up as a wrong answer.
 */
class TranslationModelTest {

    private static final int PAGES = 96; // spread over two page tables, more than the 64-entry TLB holds
    private static final long BASE = 0x003F_0000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1999})
    void every_translation_agrees_with_the_mappings_entered(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FakeContext kernel = FakeContext.boot(4, 8);
        Mmu mmu = kernel.machine.mmu();
        Pmap[] pmaps = {mmu.createPmap(), mmu.createPmap()};
        List<TreeMap<Integer, int[]>> model = List.of(new TreeMap<>(), new TreeMap<>());
        int[] loaded = {-1, -1, -1, -1};
        int first = kernel.machine.memory().firstAllocatableFrame();

        for (int step = 0; step < 20_000; step++) {
            int cpu = random.nextInt(4);
            int as = random.nextInt(2);
            int page = random.nextInt(PAGES);
            long va = BASE + page * 4096L;
            switch (random.nextInt(10)) {
                case 0 -> {
                    pmaps[as].activate(cpu);
                    loaded[cpu] = as;
                }
                case 1, 2 -> {
                    int frame = first + random.nextInt(100);
                    int prot = random.nextInt(8);
                    pmaps[as].enter(cpu, va, frame, prot);
                    model.get(as).put(page, new int[] {frame, prot});
                }
                case 3 -> {
                    int pages = 1 + random.nextInt(random.nextBoolean() ? 3 : 50);
                    pmaps[as].remove(cpu, va, pages * 4096L);
                    model.get(as).subMap(page, page + pages).clear();
                }
                case 4 -> {
                    int pages = 1 + random.nextInt(4);
                    int prot = random.nextInt(8);
                    pmaps[as].protect(cpu, va, pages * 4096L, prot);
                    model.get(as).subMap(page, page + pages).values().forEach(m -> m[1] = prot);
                }
                default -> {
                    if (loaded[cpu] < 0) {
                        continue;
                    }
                    Access access = Access.values()[random.nextInt(3)];
                    int[] mapping = model.get(loaded[cpu]).get(page);
                    // IA-32: any right makes a page readable and executable; only PROT_WRITE makes it writable.
                    boolean allowed = mapping != null && mapping[1] != Prot.NONE
                            && (access != Access.WRITE || (mapping[1] & Prot.WRITE) != 0);
                    long expected = allowed ? (long) mapping[0] << 12 | 0x10 : Mmu.FAULT;
                    assertThat(mmu.translate(cpu, va + 0x10, access))
                            .as("step %d: cpu %d, address space %d, page %d, %s", step, cpu, loaded[cpu], page, access)
                            .isEqualTo(expected);
                }
            }
            for (int s = 0; s < 2; s++) {
                int[] mapping = model.get(s).get(page);
                assertThat(((PageDirectory) pmaps[s]).frameAt(va)).isEqualTo(mapping == null ? -1 : mapping[0]);
            }
        }
        assertThat(kernel.count("tlb_misses")).isPositive();
        assertThat(kernel.count("shootdowns")).isPositive();
    }
}
