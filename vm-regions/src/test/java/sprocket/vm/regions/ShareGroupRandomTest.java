package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import sprocket.api.sys.Prctl;
import sprocket.api.vm.AddressSpace;

/**
 * Seeded random share/newStack/fork/destroy/touch/sbrk/mmap/munmap/mprotect by the views of a few images against a
 * model of each image: every member sees every member's stores and changes at once (Barton and Wagner: "by the time control
 * is returned to the process making the VM modification, all other processes in the share group will also see that
 * modification"), the PRDA stays each view's own, a stack grows only for its owner and never into another, an
 * exiting member's stack goes unless it made the group, fork copies the whole image, every pmap entry of every view
 * names the frame the image holds there (so nothing stale survives a change by another member), and no frame leaks.
 */
class ShareGroupRandomTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final long DATA = Fixture.TEXT + PAGE;
    private static final long WINDOW = 0x2000_0000L;
    private static final int WINDOW_PAGES = 8;
    private static final long MAIN_LIMIT = 16L * PAGE;
    private static final long MARGIN = 4L * PAGE;
    private static final long LIMIT = 8L * PAGE;

    /** Four words of one page, so a later load meets an earlier store. */
    private static final class Cell {
        final int[] words = new int[4];

        Cell copy() {
            Cell c = new Cell();
            System.arraycopy(words, 0, c.words, 0, words.length);
            return c;
        }
    }

    private record Mapped(int prot, boolean shared, Cell cell) {
    }

    private static final class StackModel {
        final long top;
        final long floor;
        final long marginFloor;
        long bottom;

        StackModel(long top, long bottom, long floor, long marginFloor) {
            this.top = top;
            this.bottom = bottom;
            this.floor = floor;
            this.marginFloor = marginFloor;
        }
    }

    /** One image: what its data and stack pages and its mapping window hold, its stacks and its views. */
    private static final class Group {
        final TreeMap<Long, Cell> cells = new TreeMap<>();
        final TreeMap<Long, Mapped> window = new TreeMap<>();
        final List<StackModel> stacks = new ArrayList<>();
        final List<View> views = new ArrayList<>();
        View creator;
        long brk;
    }

    private static final class View {
        final AddressSpace as;
        final Group group;
        final Cell prda = new Cell();
        StackModel own;

        View(AddressSpace as, Group group, StackModel own) {
            this.as = as;
            this.group = group;
            this.own = own;
            group.views.add(this);
            if (group.creator == null) {
                group.creator = this;
            }
        }
    }

    private Fixture f;
    private SplittableRandom rnd;
    private final List<View> views = new ArrayList<>();
    private int shares;
    private int growthsRefused;

    @Test
    void views_of_shared_and_forked_images_agree_with_the_model_and_leak_no_frame() {
        long cowCopies = 0;
        long oom = 0;
        for (long seed = 1; seed <= 25; seed++) {
            run(seed);
            cowCopies += f.kernel.count("cow_copies");
            oom += f.kernel.count("out_of_memory");
        }
        assertThat(shares).as("the workload makes share groups").isPositive();
        assertThat(cowCopies).as("and copies on write").isPositive();
        assertThat(growthsRefused).as("and stacks run into each other").isPositive();
        assertThat(oom).as("and runs memory out").isPositive();
    }

    private void run(long seed) {
        rnd = new SplittableRandom(seed);
        f = new Fixture(48);
        views.clear();
        int sharesBefore = shares;
        Group g = new Group();
        g.brk = DATA + 2L * PAGE;
        g.stacks.add(new StackModel(Fixture.STACK_TOP, Fixture.STACK_TOP - PAGE, Fixture.STACK_TOP - MAIN_LIMIT,
                Fixture.STACK_TOP - MAIN_LIMIT));
        views.add(new View(f.create(Fixture.image("sg", PAGE, 2L * PAGE, MAIN_LIMIT)), g, g.stacks.get(0)));
        for (int step = 0; step < 700 && !views.isEmpty(); step++) {
            View v = views.get(rnd.nextInt(views.size()));
            int op = rnd.nextInt(24);
            switch (op) {
                case 0, 1 -> share(v);
                case 2 -> newStack(v);
                case 3 -> fork(v);
                case 4 -> destroy(v);
                case 5, 6 -> sbrk(v);
                case 7, 8 -> mmap(v);
                case 9 -> munmap(v);
                case 10 -> mprotect(v);
                default -> touch(v);
            }
            for (View w : views) {
                coherent(w);
            }
        }
        assertThat(f.kernel.count("vm_share_views")).isEqualTo(shares - sharesBefore);
        while (!views.isEmpty()) {
            destroy(views.get(views.size() - 1));
        }
        assertThat(f.vm.freeFrames()).as("seed %d", seed).isEqualTo(f.vm.totalFrames());
        assertThat(f.memory.zeroed).isEqualTo((int) f.kernel.count("zero_fills"));
    }

    /** Every pmap entry names the frame the image (or the view's PRDA) holds there; no writable copy-on-write page. */
    private void coherent(View w) {
        var as = (RegionAddressSpace) w.as;
        assertThat(as.views()).isEqualTo(w.group.views.size());
        assertThat(as.brk()).isEqualTo(w.group.brk);
        for (Map.Entry<Long, FakePmap.Mapping> e : f.pmap(as).mappings.entrySet()) {
            int frame = e.getValue().frame();
            assertThat(as.frameAt(e.getKey())).as("entry at 0x%x", e.getKey()).isEqualTo(frame);
            assertThat(f.mm().frames.references(frame)).isPositive();
            if ((e.getValue().prot() & Prot.WRITE) != 0) {
                assertThat(f.mm().frames.references(frame)).isEqualTo(1);
                assertThat(as.copyOnWrite(e.getKey())).isFalse();
            }
        }
    }

    private void share(View v) {
        if (views.size() >= 7) {
            return;
        }
        View w = new View(v.as.share(0), v.group, null);
        views.add(w);
        shares++;
        if (rnd.nextBoolean()) {
            newStack(w);
        }
    }

    private void newStack(View v) {
        if (v.own != null) {
            return;
        }
        long top = v.as.newStack(0, MARGIN, LIMIT);
        assertThat(top).isPositive();
        assertThat(top & (PAGE - 1)).isZero();
        for (StackModel s : v.group.stacks) {
            // "This stack region will not overlap with any other area"; there is room, so no margin is given up.
            long low = Math.min(s.bottom, s.marginFloor);
            assertThat(top - MARGIN >= s.top || top <= low).as("new stack at 0x%x", top).isTrue();
        }
        StackModel s = new StackModel(top, top - PAGE, top - LIMIT, top - MARGIN);
        v.group.stacks.add(s);
        v.own = s;
        assertThat(v.as.stackTop()).isEqualTo(top);
    }

    private void fork(View v) {
        long oom = f.kernel.count("out_of_memory");
        AddressSpace child;
        try {
            child = v.as.fork(0);
        } catch (ErrnoException e) {
            assertThat(e.errno()).isEqualTo(Errno.ENOMEM);
            assertThat(f.kernel.count("out_of_memory")).isEqualTo(oom + 1);
            return;
        }
        if (views.size() >= 7) {
            child.destroy(0);
            return;
        }
        Group from = v.group;
        Group g = new Group();
        g.brk = from.brk;
        from.cells.forEach((va, cell) -> g.cells.put(va, cell.copy()));
        from.window.forEach((va, m) -> g.window.put(va, m.shared() ? m : new Mapped(m.prot(), false, m.cell().copy())));
        StackModel own = null;
        for (StackModel s : from.stacks) {
            StackModel c = new StackModel(s.top, s.bottom, s.floor, s.marginFloor);
            g.stacks.add(c);
            if (s == v.own) {
                own = c;
            }
        }
        views.add(new View(child, g, own));
    }

    private void destroy(View v) {
        Group g = v.group;
        long free = f.vm.freeFrames();
        v.as.destroy(0);
        views.remove(v);
        g.views.remove(v);
        if (!g.views.isEmpty() && v.own != null && v != g.creator) {
            g.stacks.remove(v.own);
            g.cells.subMap(v.own.bottom, v.own.top).clear();
        }
        assertThat(f.vm.freeFrames()).isGreaterThanOrEqualTo(free);
    }

    private void sbrk(View v) {
        Group g = v.group;
        long inc = (rnd.nextInt(7) - 3) * (long) PAGE + rnd.nextInt(-50, 50);
        long free = f.vm.freeFrames();
        long r = Refusals.result(() -> v.as.sbrk(0, inc));
        long oldEnd = roundUp(g.brk);
        if (r < 0) {
            if (g.brk + inc < DATA) {
                assertThat(r).isEqualTo(-Errno.EINVAL);
            } else {
                assertThat(r).isEqualTo(-Errno.ENOMEM);
                assertThat((roundUp(g.brk + inc) - oldEnd) / PAGE).isGreaterThan(free);
            }
            return;
        }
        assertThat(r).isEqualTo(g.brk);
        g.brk += inc;
        g.cells.subMap(roundUp(g.brk), Math.max(oldEnd, roundUp(g.brk))).clear();
    }

    private void mmap(View v) {
        int pages = 1 + rnd.nextInt(3);
        long at = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
        boolean shared = rnd.nextBoolean();
        int prot = rnd.nextInt(4) == 0 ? Prot.READ : RW;
        int flags = (shared ? Mman.MAP_SHARED : Mman.MAP_PRIVATE) | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        long free = f.vm.freeFrames();
        long r = Refusals.result(() -> v.as.mmap(0, at, (long) pages * PAGE, prot, flags));
        if (pages > free) {
            assertThat(r).isEqualTo(-Errno.ENOMEM);
            return;
        }
        assertThat(r).isEqualTo(at);
        for (int i = 0; i < pages; i++) {
            v.group.window.put(at + (long) i * PAGE, new Mapped(prot, shared, new Cell()));
        }
    }

    private void munmap(View v) {
        long at = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
        long len = (1L + rnd.nextInt(3)) * PAGE;
        v.as.munmap(0, at, len);
        v.group.window.subMap(at, at + len).clear();
    }

    private void mprotect(View v) {
        long at = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
        int pages = 1 + rnd.nextInt(2);
        int prot = rnd.nextBoolean() ? RW : Prot.READ;
        boolean all = true;
        for (int i = 0; i < pages; i++) {
            all &= v.group.window.containsKey(at + (long) i * PAGE);
        }
        int r = Refusals.status(() -> v.as.mprotect(0, at, (long) pages * PAGE, prot));
        if (!all) {
            assertThat(r).isEqualTo(-Errno.ENOMEM);
            return;
        }
        assertThat(r).isZero();
        for (int i = 0; i < pages; i++) {
            long va = at + (long) i * PAGE;
            Mapped m = v.group.window.get(va);
            v.group.window.put(va, new Mapped(prot, m.shared(), m.cell()));
        }
    }

    /** A load or store somewhere in data, the window, a stack or the PRDA, checked against the model. */
    private void touch(View v) {
        Group g = v.group;
        int word = rnd.nextInt(4);
        boolean write = rnd.nextBoolean();
        Cell cell;
        long page;
        boolean allowed;
        switch (rnd.nextInt(4)) {
            case 0 -> {
                page = DATA + (long) rnd.nextInt(6) * PAGE;
                allowed = page < roundUp(g.brk);
                cell = allowed ? g.cells.computeIfAbsent(page, k -> new Cell()) : null;
            }
            case 1 -> {
                page = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
                Mapped m = g.window.get(page);
                allowed = m != null && (m.prot() & (write ? Prot.WRITE : Prot.READ)) != 0;
                cell = m == null ? null : m.cell();
            }
            case 2 -> {
                StackModel s = g.stacks.get(rnd.nextInt(g.stacks.size()));
                page = s.top - (1L + rnd.nextInt((int) ((s.top - s.floor) / PAGE) + 1)) * PAGE;
                allowed = stackReaches(v, page);
                cell = allowed ? g.cells.computeIfAbsent(page, k -> new Cell()) : null;
            }
            default -> {
                page = Prctl.PRDA_USR & -PAGE;
                allowed = true;
                cell = v.prda;
            }
        }
        long va = (page == Prctl.PRDA ? Prctl.PRDA_USR : page) + 4L * word;
        long free = f.vm.freeFrames();
        long pa = f.translate(v.as, va, write ? Access.WRITE : Access.READ);
        if (!allowed) {
            assertThat(pa).as("0x%x must fault", va).isEqualTo(Mmu.FAULT);
            assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
            return;
        }
        if (pa == Mmu.FAULT) {
            assertThat(f.signal()).as("0x%x", va).isEqualTo(Signals.SIGKILL);
            assertThat(free).as("only for want of a frame").isZero();
            return;
        }
        if (write) {
            int value = rnd.nextInt();
            f.memory.store(pa, 4, value);
            cell.words[word] = value;
        } else {
            assertThat((int) f.memory.load(pa, 4)).as("0x%x", va).isEqualTo(cell.words[word]);
        }
    }

    /**
     * Whether {@code v} reaches stack page {@code page}: a page of any stack of its image, or one its own stack grows
     * down to without passing another stack (growing the model's stack, as the fault does even if no frame is left).
     */
    private boolean stackReaches(View v, long page) {
        for (StackModel s : v.group.stacks) {
            if (page >= s.bottom && page < s.top) {
                return true;
            }
        }
        StackModel own = v.own;
        if (own == null || page < own.floor || page >= own.bottom) {
            return false;
        }
        for (StackModel s : v.group.stacks) {
            if (s != own && s.bottom < own.bottom && s.top > page) {
                growthsRefused++;
                return false; // sproc(2): growth goes on only "as long as it doesn't run into any other virtual space"
            }
        }
        own.bottom = page;
        return true;
    }

    private static long roundUp(long a) {
        return (a + PAGE - 1) & -(long) PAGE;
    }
}
