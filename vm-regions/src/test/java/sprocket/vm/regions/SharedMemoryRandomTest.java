package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Mman;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Segment;

/**
 * Seeded random shmget/shmat/shmdt/IPC_RMID/munmap/mprotect/fork/exit against a model of every attachment: each
 * segment's shm_nattch always equals the attachments the model says have a page left, every process sees the last
 * store to a segment page through any attachment of it, attach and detach fail exactly when the model says, and
 * once every process exits and every segment is removed no frame is left in use.
 */
class SharedMemoryRandomTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    /** Attaches at a given address land in this window of WINDOW_PAGES pages, so they collide now and then. */
    private static final long WINDOW = 0x2000_0000L;
    private static final int WINDOW_PAGES = 24;

    /** A segment in the model: the last word stored at the start of each page. */
    private record Seg(Segment segment, int[] words, boolean[] removed) {
        int pages() {
            return words.length;
        }
    }

    /** One shmat(2) in the model: which of its pages are still mapped, and which writable. */
    private record Att(Seg seg, long at, boolean[] present, boolean[] writable) {
        Att copy() {
            return new Att(seg, at, present.clone(), writable.clone());
        }

        boolean anyPresent() {
            for (boolean p : present) {
                if (p) {
                    return true;
                }
            }
            return false;
        }

        long page(int i) {
            return at + (long) i * PAGE;
        }
    }

    private record Proc(AddressSpace as, List<Att> atts) {
    }

    @Test
    void attachments_contents_and_frames_match_the_model_under_random_workloads() {
        for (long seed = 1; seed <= 12; seed++) {
            new Workload(seed).run(seed);
        }
    }

    /** One seed's processes and segments. */
    private static final class Workload {
        private final Fixture f = new Fixture(160);
        private final SplittableRandom rnd;
        private final List<Seg> segs = new ArrayList<>();
        private final List<Proc> procs = new ArrayList<>();
        private int made;

        private Workload(long seed) {
            rnd = new SplittableRandom(seed);
        }

        private void run(long seed) {
            for (int i = 0; i < 3; i++) {
                procs.add(new Proc(f.create(Fixture.image("p", PAGE, PAGE, 8 * PAGE)), new ArrayList<>()));
            }
            for (int step = 0; step < 1500; step++) {
                String what = step(step);
                for (Seg s : segs) {
                    assertThat(s.segment().attachments()).as("seed %d step %d after %s: nattch of %s", seed, step, what,
                            s.segment()).isEqualTo(attachedIn(s));
                }
            }
            for (Proc p : procs) {
                p.as().destroy(0);
            }
            for (Seg s : segs) {
                assertThat(s.segment().attachments()).isZero();
                if (!s.removed()[0]) {
                    f.vm.removeSegment(0, s.segment());
                }
            }
            assertThat(f.vm.freeFrames()).as("seed %d: every frame back", seed).isEqualTo(f.vm.totalFrames());
        }

        private String step(int step) {
            Proc p = procs.get(rnd.nextInt(procs.size()));
            switch (rnd.nextInt(10)) {
                case 0 -> {
                    if (made < 14) {
                        Segment s = f.vm.createSegment(0, rnd.nextLong(1, 4L * PAGE + 1));
                        assertThat(s).isNotNull();
                        segs.add(new Seg(s, new int[(int) ((s.bytes() + PAGE - 1) / PAGE)], new boolean[1]));
                        made++;
                    }
                    return "create";
                }
                case 1 -> {
                    attach(p);
                    return "attach";
                }
                case 2 -> {
                    detach(p);
                    return "detach";
                }
                case 3 -> {
                    munmap(p);
                    return "munmap";
                }
                case 4 -> {
                    mprotect(p);
                    return "mprotect";
                }
                case 5 -> {
                    if (procs.size() < 6) {
                        AddressSpace child = p.as().fork(0);
                        List<Att> copies = new ArrayList<>();
                        p.atts().forEach(a -> copies.add(a.copy()));
                        procs.add(new Proc(child, copies));
                    }
                    return "fork";
                }
                case 6 -> {
                    if (procs.size() > 1) {
                        p.as().destroy(0);
                        procs.remove(p);
                    }
                    return "exit";
                }
                case 7 -> {
                    List<Seg> live = segs.stream().filter(s -> !s.removed()[0]).toList();
                    if (!live.isEmpty()) {
                        Seg s = live.get(rnd.nextInt(live.size()));
                        f.vm.removeSegment(0, s.segment());
                        s.removed()[0] = true;
                    }
                    return "remove";
                }
                default -> {
                    touch(p, step);
                    return "touch";
                }
            }
        }

        private void attach(Proc p) {
            if (segs.isEmpty()) {
                return;
            }
            Seg s = segs.get(rnd.nextInt(segs.size()));
            long addr = rnd.nextBoolean() ? 0 : WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
            boolean readOnly = rnd.nextInt(4) == 0;
            long r = Refusals.result(() -> p.as().attach(0, s.segment(), addr, readOnly ? Mman.PROT_READ : RW));
            if (s.removed()[0] || addr != 0 && mapped(p, addr, addr + (long) s.pages() * PAGE)) {
                assertThat(r).as("attach of %s at 0x%x", s.segment(), addr).isEqualTo(-Errno.EINVAL);
                return;
            }
            assertThat(r).isPositive();
            if (addr != 0) {
                assertThat(r).isEqualTo(addr);
            }
            boolean[] present = new boolean[s.pages()];
            boolean[] writable = new boolean[s.pages()];
            Arrays.fill(present, true);
            Arrays.fill(writable, !readOnly);
            p.atts().add(new Att(s, r, present, writable));
        }

        private void detach(Proc p) {
            if (p.atts().isEmpty() || rnd.nextInt(4) == 0) {
                long addr = WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * PAGE;
                Att at = startingAt(p, addr);
                if (at == null) {
                    assertThat(Refusals.errno(() -> p.as().detach(0, addr))).as("detach at 0x%x", addr)
                            .isEqualTo(Errno.EINVAL);
                } else {
                    assertThat(p.as().detach(0, addr)).isSameAs(at.seg().segment());
                    p.atts().remove(at);
                }
                return;
            }
            Att a = p.atts().get(rnd.nextInt(p.atts().size()));
            assertThat(p.as().detach(0, a.at())).isSameAs(a.seg().segment());
            p.atts().remove(a);
        }

        private void munmap(Proc p) {
            if (p.atts().isEmpty()) {
                return;
            }
            Att a = p.atts().get(rnd.nextInt(p.atts().size()));
            int from = rnd.nextInt(a.seg().pages());
            int to = rnd.nextInt(from + 1, a.seg().pages() + 1);
            long lo = a.page(from);
            long hi = a.page(to);
            p.as().munmap(0, lo, hi - lo);
            for (Att b : p.atts()) {
                for (int i = 0; i < b.seg().pages(); i++) {
                    if (b.page(i) >= lo && b.page(i) < hi) {
                        b.present()[i] = false;
                    }
                }
            }
            p.atts().removeIf(b -> !b.anyPresent());
        }

        private void mprotect(Proc p) {
            if (p.atts().isEmpty()) {
                return;
            }
            Att a = p.atts().get(rnd.nextInt(p.atts().size()));
            int i = rnd.nextInt(a.seg().pages());
            boolean write = rnd.nextBoolean();
            long va = a.page(i);
            int r = Refusals.status(() -> p.as().mprotect(0, va, PAGE, write ? RW : Mman.PROT_READ));
            if (!mapped(p, va, va + PAGE)) {
                assertThat(r).as("mprotect(2) of an unmapped page").isEqualTo(-Errno.ENOMEM);
                return;
            }
            assertThat(r).isZero();
            for (Att b : p.atts()) {
                for (int k = 0; k < b.seg().pages(); k++) {
                    if (b.present()[k] && b.page(k) == va) {
                        b.writable()[k] = write;
                    }
                }
            }
        }

        private void touch(Proc p, int step) {
            if (p.atts().isEmpty()) {
                return;
            }
            Att a = p.atts().get(rnd.nextInt(p.atts().size()));
            int i = rnd.nextInt(a.seg().pages());
            long va = a.page(i);
            if (!a.present()[i]) {
                if (!mapped(p, va, va + PAGE)) {
                    assertThat(f.canLoad(p.as(), va)).isFalse();
                }
                return; // unmapped, or another attachment's page now
            }
            assertThat(f.load(p.as(), va)).as("page %d of %s", i, a.seg().segment()).isEqualTo(a.seg().words()[i]);
            if (a.writable()[i]) {
                f.store(p.as(), va, step);
                a.seg().words()[i] = step;
            } else {
                assertThat(f.canStore(p.as(), va)).isFalse();
            }
        }

        private int attachedIn(Seg s) {
            int n = 0;
            for (Proc p : procs) {
                for (Att a : p.atts()) {
                    if (a.seg() == s) {
                        n++;
                    }
                }
            }
            return n;
        }

        /** Whether a page of {@code [lo, hi)} is mapped in the model: only attachments live in the window. */
        private static boolean mapped(Proc p, long lo, long hi) {
            for (Att a : p.atts()) {
                for (int i = 0; i < a.seg().pages(); i++) {
                    if (a.present()[i] && a.page(i) >= lo && a.page(i) < hi) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static Att startingAt(Proc p, long addr) {
            for (Att a : p.atts()) {
                if (a.at() == addr) {
                    return a;
                }
            }
            return null;
        }
    }
}
