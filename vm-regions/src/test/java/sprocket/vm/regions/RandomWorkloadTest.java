package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Prot;
import sprocket.api.sys.Mman;
import sprocket.api.vm.AddressSpace;

/**
 * Seeded random create/fork/touch/sbrk/mmap/munmap/mprotect/msync/destroy against a model of what each process wrote
 * and mapped: every load sees what was stored last where the process can see it (its own store, a fork relative's
 * through a MAP_SHARED page, any process's through a MAP_SHARED mapping of the file), an access faults exactly when
 * the model says it must (SIGBUS past the end of the file), msync and the last exit leave the file as the shared
 * mappers see it, no frame leaks, every file reference is released once, and the accounting always adds up.
 */
class RandomWorkloadTest {
    private static final int PAGE = Fixture.PAGE;
    private static final String[] PROGRAMS = {"sh", "cc", "ls"};
    /** MAP_FIXED requests and their munmap/mprotect ranges land in this window of WINDOW_PAGES pages. */
    private static final long WINDOW = 0x2000_0000L;
    private static final int WINDOW_PAGES = 16;
    /** The file every process maps: two pages and a half, so its third page ends early and the fourth is past it. */
    private static final int FILE_BYTES = 2 * PAGE + PAGE / 2;
    private static final int FILE_PAGES = 3;

    /** One page's contents in the model; MAP_SHARED pages share one across fork. */
    private static final class Cell {
        final int[] words = new int[PAGE / 4];

        Cell copy() {
            Cell c = new Cell();
            System.arraycopy(words, 0, c.words, 0, words.length);
            return c;
        }
    }

    /**
     * A mapped page in the model: {@code filePage} is the file page behind it (-1 for anonymous memory). A shared
     * file page's cell is the file's; a private file page has none until first touched, when it copies the file's.
     */
    private record Mapped(int prot, boolean shared, Cell cell, int filePage) {
        boolean pastEnd() {
            return filePage >= FILE_PAGES;
        }

        Mapped withProt(int newProt) {
            return new Mapped(newProt, shared, cell, filePage);
        }

        Mapped withCell(Cell newCell) {
            return new Mapped(prot, shared, newCell, filePage);
        }
    }

    private FakeFile file;
    /** The file's pages as every MAP_SHARED mapper sees them; the file holds them after msync and the last exit. */
    private Cell[] fileCells;

    /** One simulated process: its space and what it believes its memory holds. */
    private static final class Proc {
        final AddressSpace as;
        final Map<Long, Integer> words;
        final TreeMap<Long, Mapped> mapped;

        Proc(AddressSpace as, Map<Long, Integer> words, TreeMap<Long, Mapped> mapped) {
            this.as = as;
            this.words = words;
            this.mapped = mapped;
        }
    }

    @Test
    void no_frame_leaks_after_a_seeded_random_workload() {
        long cowCopies = 0;
        long outOfMemory = 0;
        long pageIns = 0;
        long pageOuts = 0;
        for (long seed = 1; seed <= 30; seed++) {
            var kernel = run(seed);
            cowCopies += kernel.count("cow_copies");
            outOfMemory += kernel.count("out_of_memory");
            pageIns += kernel.count("page_ins");
            pageOuts += kernel.count("page_outs");
        }
        assertThat(cowCopies).as("the workload exercises copy-on-write").isPositive();
        assertThat(pageIns).as("the workload reads file pages").isPositive();
        assertThat(pageOuts).as("and writes them back").isPositive();
        assertThat(sigbus).as("and touches past the end of the file").isPositive();
        assertThat(outOfMemory).as("the workload runs memory out").isPositive();
    }

    private int sigbus;

    private FakeKernel run(long seed) {
        var rnd = new SplittableRandom(seed);
        var f = new Fixture(48);
        file = new FakeFile(seed, FILE_BYTES);
        fileCells = new Cell[FILE_PAGES];
        for (int pg = 0; pg < FILE_PAGES; pg++) {
            fileCells[pg] = new Cell();
            for (int w = 0; w < 4; w++) {
                fileCells[pg].words[w] = rnd.nextInt();
                file.setWord((long) pg * PAGE + 4L * w, fileCells[pg].words[w]);
            }
        }
        List<Proc> procs = new ArrayList<>();
        for (int step = 0; step < 1500; step++) {
            int op = rnd.nextInt(20);
            if (procs.isEmpty() || op == 0 && procs.size() < 8) {
                String program = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
                procs.add(new Proc(f.create(Fixture.image(program, 2 * PAGE, 3 * PAGE, 16 * PAGE)), new HashMap<>(),
                        new TreeMap<>()));
                continue;
            }
            Proc p = procs.get(rnd.nextInt(procs.size()));
            switch (op) {
                case 1 -> {
                    AddressSpace child = fork(p.as);
                    if (child != null && procs.size() < 8) {
                        procs.add(new Proc(child, new HashMap<>(p.words), forkModel(p.mapped)));
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
                    long r = Refusals.result(() -> p.as.sbrk(0, inc));
                    if (r >= 0) {
                        assertThat(r).isEqualTo(old);
                        long brkPage = (p.as.brk() + PAGE - 1) & -PAGE;
                        p.words.keySet().removeIf(va -> va < RegionAddressSpace.STACK_TOP - 16 * PAGE && va >= brkPage);
                    }
                }
                case 4, 5 -> mmap(f, p, rnd);
                case 6 -> {
                    long lo = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
                    long len = (long) (1 + rnd.nextInt(4)) * PAGE - rnd.nextInt(PAGE);
                    p.as.munmap(0, lo, len);
                    p.mapped.subMap(lo, lo + len).clear();
                }
                case 7, 8 -> mprotect(p, rnd);
                case 9, 10, 11, 12, 13 -> touchMapped(f, p, rnd);
                case 14 -> msync(p, rnd);
                default -> touch(f, p, rnd);
            }
            assertThat(f.vm.freeFrames()).isBetween(0L, f.vm.totalFrames());
            for (Proc q : procs) {
                noWritableCopyOnWriteFrame(f, q.as);
            }
        }
        for (Proc p : procs) {
            p.as.destroy(0);
        }
        assertThat(f.vm.freeFrames()).as("seed %d", seed).isEqualTo(f.vm.totalFrames());
        assertThat(file.held()).as("every mmap's file reference released").isZero();
        assertThat(f.mm().files.find(file)).isNull();
        for (int pg = 0; pg < FILE_PAGES; pg++) {
            fileHolds(pg);
        }
        assertThat(f.memory.zeroed).isEqualTo((int) f.kernel.count("zero_fills"));
        return f.kernel;
    }

    /**
     * A frame two regions share copy-on-write, by its count or through a page map fork left them both, is never
     * writable through a pmap, whatever mprotect(2) asked.
     */
    private static void noWritableCopyOnWriteFrame(Fixture f, AddressSpace as) {
        for (Map.Entry<Long, FakePmap.Mapping> e : f.pmap(as).mappings.entrySet()) {
            FakePmap.Mapping m = e.getValue();
            if ((m.prot() & Prot.WRITE) != 0) {
                assertThat(f.mm().frames.references(m.frame())).as("writable page 0x%x", e.getKey()).isEqualTo(1);
                assertThat(((RegionAddressSpace) as).copyOnWrite(e.getKey()))
                        .as("writable page 0x%x still shares its page map", e.getKey()).isFalse();
            }
        }
    }

    /** A child's view: MAP_SHARED pages are the very same cells, private ones copies. */
    private static TreeMap<Long, Mapped> forkModel(TreeMap<Long, Mapped> parent) {
        TreeMap<Long, Mapped> child = new TreeMap<>();
        for (Map.Entry<Long, Mapped> e : parent.entrySet()) {
            Mapped m = e.getValue();
            child.put(e.getKey(), m.shared() || m.cell() == null ? m : m.withCell(m.cell().copy()));
        }
        return child;
    }

    /** The file holds what the shared mappers see in page {@code pg}. */
    private void fileHolds(int pg) {
        for (int w = 0; w < 4; w++) {
            assertThat(file.word((long) pg * PAGE + 4L * w)).as("file page %d word %d", pg, w)
                    .isEqualTo(fileCells[pg].words[w]);
        }
    }

    private void mmap(Fixture f, Proc p, SplittableRandom rnd) {
        if (rnd.nextBoolean()) {
            mmapFile(f, p, rnd);
            return;
        }
        int pages = 1 + rnd.nextInt(4);
        int prot = rnd.nextInt(4) == 0 ? rnd.nextInt(8) : Prot.READ | Prot.WRITE;
        boolean shared = rnd.nextBoolean();
        boolean fixed = rnd.nextInt(3) == 0;
        int flags = (shared ? Mman.MAP_SHARED : Mman.MAP_PRIVATE) | Mman.MAP_ANONYMOUS | (fixed ? Mman.MAP_FIXED : 0);
        long addr = fixed ? WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE : 0;
        long free = f.vm.freeFrames();
        long r = Refusals.result(() -> p.as.mmap(0, addr, (long) pages * PAGE - rnd.nextInt(PAGE), prot, flags));
        if (pages > free) {
            assertThat(r).isEqualTo(-Errno.ENOMEM);
            return;
        }
        assertThat(r).isPositive();
        if (fixed) {
            assertThat(r).isEqualTo(addr);
        }
        assertThat(p.mapped.subMap(r, r + (long) pages * PAGE)).as("placed over nothing").matches(m -> fixed || m.isEmpty());
        for (int i = 0; i < pages; i++) {
            p.mapped.put(r + (long) i * PAGE, new Mapped(prot, shared, new Cell(), -1));
        }
    }

    /** A mapping of up to three pages of the file from one of its first four pages, so some lie past its end. */
    private void mmapFile(Fixture f, Proc p, SplittableRandom rnd) {
        int pages = 1 + rnd.nextInt(3);
        int first = rnd.nextInt(4);
        int prot = rnd.nextInt(4) == 0 ? rnd.nextInt(8) : Prot.READ | Prot.WRITE;
        boolean shared = rnd.nextBoolean();
        boolean fixed = rnd.nextInt(3) == 0;
        int flags = (shared ? Mman.MAP_SHARED : Mman.MAP_PRIVATE) | (fixed ? Mman.MAP_FIXED : 0);
        long addr = fixed ? WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE : 0;
        long free = f.vm.freeFrames();
        long r = Refusals.result(() -> p.as.mmap(0, addr, (long) pages * PAGE - rnd.nextInt(PAGE), prot, flags, file.reference(),
                (long) first * PAGE));
        if (r == -Errno.ENOMEM) {
            assertThat(pages).as("refused only for want of frames").isGreaterThan((int) free);
            return;
        }
        assertThat(r).isPositive();
        if (fixed) {
            assertThat(r).isEqualTo(addr);
        }
        assertThat(p.mapped.subMap(r, r + (long) pages * PAGE)).as("placed over nothing")
                .matches(m -> fixed || m.isEmpty());
        for (int i = 0; i < pages; i++) {
            int pg = first + i;
            Cell cell = shared && pg < FILE_PAGES ? fileCells[pg] : null;
            p.mapped.put(r + (long) i * PAGE, new Mapped(prot, shared, cell, pg));
        }
    }

    /** msync(2) over window pages: ENOMEM unless all are mapped, and then the file holds the shared pages' stores. */
    private void msync(Proc p, SplittableRandom rnd) {
        long lo = rnd.nextBoolean() || p.mapped.isEmpty()
                ? WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE
                : p.mapped.keySet().stream().skip(rnd.nextInt(p.mapped.size())).findFirst().orElseThrow();
        int pages = 1 + rnd.nextInt(3);
        boolean allMapped = true;
        for (int i = 0; i < pages; i++) {
            allMapped &= p.mapped.containsKey(lo + (long) i * PAGE);
        }
        int r = Refusals.status(() -> p.as.msync(0, lo, (long) pages * PAGE));
        if (!allMapped) {
            assertThat(r).isEqualTo(-Errno.ENOMEM);
            return;
        }
        assertThat(r).isZero();
        for (int i = 0; i < pages; i++) {
            Mapped m = p.mapped.get(lo + (long) i * PAGE);
            if (m.shared() && m.filePage() >= 0 && !m.pastEnd()) {
                fileHolds(m.filePage());
            }
        }
    }

    private static void mprotect(Proc p, SplittableRandom rnd) {
        long lo = rnd.nextBoolean() || p.mapped.isEmpty()
                ? WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE
                : p.mapped.keySet().stream().skip(rnd.nextInt(p.mapped.size())).findFirst().orElseThrow();
        int pages = 1 + rnd.nextInt(3);
        // Mostly read+write, which must not lift the write protection of a page still copy-on-write.
        int prot = rnd.nextBoolean() ? Prot.READ | Prot.WRITE : rnd.nextInt(8);
        boolean allMapped = true;
        for (int i = 0; i < pages; i++) {
            allMapped &= p.mapped.containsKey(lo + (long) i * PAGE);
        }
        int r = Refusals.status(() -> p.as.mprotect(0, lo, (long) pages * PAGE, prot));
        if (!allMapped) {
            assertThat(r).isEqualTo(-Errno.ENOMEM);
            return;
        }
        assertThat(r).isZero();
        for (int i = 0; i < pages; i++) {
            long va = lo + (long) i * PAGE;
            Mapped m = p.mapped.get(va);
            p.mapped.put(va, m.withProt(prot));
        }
    }

    /** A load or store in the mapping area: it must fault exactly when the model says, or for want of a frame. */
    private void touchMapped(Fixture f, Proc p, SplittableRandom rnd) {
        long page = rnd.nextInt(3) == 0 || p.mapped.isEmpty()
                ? WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE
                : p.mapped.keySet().stream().skip(rnd.nextInt(p.mapped.size())).findFirst().orElseThrow();
        int word = rnd.nextInt(4); // a few words per page, so a later load meets an earlier store
        boolean write = rnd.nextBoolean();
        Access access = write ? Access.WRITE : Access.READ;
        Mapped m = p.mapped.get(page);
        long free = f.vm.freeFrames();
        long pa = f.translate(p.as, page + 4L * word, access);
        if (m == null || !Prot.allows(m.prot(), access)) {
            assertThat(pa).as("0x%x is not %s", page, m == null ? "mapped" : "accessible").isEqualTo(Mmu.FAULT);
            assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
            return;
        }
        if (m.pastEnd()) {
            assertThat(pa).as("0x%x is past the end of the file", page).isEqualTo(Mmu.FAULT);
            assertThat(f.signal()).isEqualTo(Signals.SIGBUS);
            sigbus++;
            return;
        }
        if (pa == Mmu.FAULT) {
            assertThat(f.signal()).isEqualTo(Signals.SIGKILL);
            assertThat(free).as("only for want of a frame").isZero();
            return;
        }
        Cell cell = m.cell();
        if (cell == null) {
            // A private file page's first touch: the file's page as the shared mappers see it, then its own.
            cell = fileCells[m.filePage()].copy();
            p.mapped.put(page, m.withCell(cell));
        }
        if (write) {
            int v = rnd.nextInt();
            f.memory.store(pa, 4, v);
            cell.words[word] = v;
        } else {
            assertThat((int) f.memory.load(pa, 4)).isEqualTo(cell.words[word]);
        }
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

    /** A fork of {@code as}, or null when memory ran out (the only way it may fail here). */
    private static AddressSpace fork(AddressSpace as) {
        try {
            return as.fork(0);
        } catch (ErrnoException e) {
            assertThat(e.errno()).isEqualTo(Errno.ENOMEM);
            return null;
        }
    }
}
