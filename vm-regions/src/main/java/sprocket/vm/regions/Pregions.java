package sprocket.vm.regions;

import java.util.Arrays;

/**
 * The pregion list of one image (IRIX's p_region list, or the shared one in a share group's shaddr), sorted by
 * address; pregions never overlap. The fault path finds a pregion by binary search over a plain array, allocating
 * nothing. Taking pages out of the list takes them out of every member's pmap first, and frees the frames nothing can
 * reach any more.
 */
final class Pregions {
    private final RegionMemoryManager mm;
    private final MemberPmaps pmaps;
    private Pregion[] list = new Pregion[8];
    private int count;

    Pregions(RegionMemoryManager mm, MemberPmaps pmaps) {
        this.mm = mm;
        this.pmaps = pmaps;
    }

    int size() {
        return count;
    }

    Pregion get(int i) {
        return list[i];
    }

    /** The index of the pregion holding {@code vaddr}, or -1. */
    int find(long vaddr) {
        int i = firstEndingAfter(vaddr);
        return i < count && list[i].base <= vaddr ? i : -1;
    }

    /** The index of the first pregion that ends above {@code vaddr} ({@link #size} if none does). */
    int firstEndingAfter(long vaddr) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list[mid].end() > vaddr) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Whether any pregion has a page in {@code [lo, hi)}. */
    boolean overlaps(long lo, long hi) {
        int i = firstEndingAfter(lo);
        return i < count && list[i].base < hi;
    }

    /** Whether every page of {@code [lo, hi)} is in some pregion. */
    boolean covers(long lo, long hi) {
        long next = lo;
        for (int i = firstEndingAfter(lo); i < count && next < hi; i++) {
            if (list[i].base > next) {
                return false;
            }
            next = list[i].end();
        }
        return next >= hi;
    }

    /** Adds {@code p}, which overlaps no pregion here; returns its index. */
    int insert(Pregion p) {
        int i = firstEndingAfter(p.base);
        if (i < count && list[i].base < p.end()) {
            throw new IllegalStateException(p + " overlaps " + list[i]);
        }
        insertAt(i, p);
        return i;
    }

    /** Puts {@code p} at index {@code i}, moving the later ones up; the caller keeps the order. */
    void insertAt(int i, Pregion p) {
        if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
        }
        System.arraycopy(list, i, list, i + 1, count - i);
        list[i] = p;
        count++;
    }

    /** Takes out the pregion at index {@code i}. */
    void removeAt(int i) {
        System.arraycopy(list, i + 1, list, i, count - i - 1);
        list[--count] = null;
    }

    /** The index of the lowest pregion attaching {@code region}, or -1. */
    int lowest(Region region) {
        for (int i = 0; i < count; i++) {
            if (list[i].region == region) {
                return i;
            }
        }
        return -1;
    }

    /** How many pregions here attach {@code region}. */
    int attaching(Region region) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (list[i].region == region) {
                n++;
            }
        }
        return n;
    }

    /**
     * The highest address at which {@code length} bytes fit in {@code [floor, ceiling)} without touching a pregion,
     * or -1: mmap(2) places what the kernel chooses top-down, as SVR4 and Linux do.
     */
    long findSpace(long length, long floor, long ceiling) {
        long hi = ceiling;
        for (int i = count - 1; i >= 0; i--) {
            Pregion p = list[i];
            if (p.base >= hi) {
                continue;
            }
            long lo = Math.max(p.end(), floor);
            if (hi - lo >= length) {
                return hi - length;
            }
            hi = p.base;
            if (hi - floor < length) {
                return -1;
            }
        }
        return hi - floor >= length ? hi - length : -1;
    }

    /**
     * Merges neighbours among the pregions at indices {@code [from, to]} that continue one another, so splitting
     * and restoring a protection leaves one pregion again; each merged-away piece lets go of its region.
     */
    void coalesce(int from, int to) {
        int i = Math.max(from, 0);
        int last = Math.min(to, count - 1);
        while (i < last) {
            Pregion a = list[i];
            Pregion b = list[i + 1];
            if (a.continuedBy(b)) {
                a.absorb(b);
                removeAt(i + 1);
                b.region.drop();
                last--;
            } else {
                i++;
            }
        }
    }

    /** Adds a pregion over {@code pages} pages from {@code at} attaching {@code region}, which gains a holder. */
    Pregion attach(Region region, long at, int pages, int offset, int prot) {
        region.hold();
        Pregion p = new Pregion(region, at, pages, offset, prot, mm.pageShift);
        insert(p);
        return p;
    }

    /** shmat(2): the whole of {@code segment} from {@code at}, which overlaps nothing; one more attachment. */
    void attach(SharedMemorySegment segment, long at, int prot) {
        Region r = segment.region;
        segment.attached();
        Pregion p = attach(r, at, r.size(), 0, prot);
        p.segment = segment;
        p.attachedAt = at;
    }

    /**
     * A fork child's copy of the parent's pregion {@code from} over {@code region}: the same place, pages and
     * protection; the first piece of a shared memory attachment counts one more attachment of the segment.
     */
    void inherit(Pregion from, Region region, boolean firstPiece) {
        Pregion p = attach(region, from.base, from.pages, from.offset, from.prot);
        if (from.segment != null) {
            p.segment = from.segment;
            p.attachedAt = from.attachedAt;
            if (firstPiece) {
                from.segment.attached();
            }
        }
    }

    /** Whether no pregion below index {@code i} is a piece of the same shmat(2) attachment as it. */
    boolean firstPiece(int i) {
        Pregion p = list[i];
        for (int k = 0; k < i; k++) {
            if (list[k].region == p.region && list[k].sameAttachment(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * shmdt(2): takes out every remaining piece of the attachment shmat(2) made at {@code addr}, wherever munmap(2)
     * or mprotect(2) left them; returns its segment, or null when no attachment was made there.
     */
    SharedMemorySegment detach(int cpu, long addr) {
        SharedMemorySegment segment = null;
        int i = firstEndingAfter(addr);
        while (i < count) {
            Pregion p = list[i];
            if (p.segment != null && p.attachedAt == addr) {
                segment = p.segment;
                unmap(cpu, p.base, p.end()); // this piece only: another mapping may sit in a hole between pieces
            } else if (segment != null && p.base >= addr + ((long) segment.region.size() << mm.pageShift)) {
                break; // past the attachment's range: no piece of it is left
            } else {
                i++;
            }
        }
        return segment;
    }

    /**
     * Removes every page in {@code [lo, hi)} from the pregions and the pmap, splitting a pregion cut in the middle;
     * a shared file mapping's pages are written back first.
     */
    void unmap(int cpu, long lo, long hi) {
        int i = firstEndingAfter(lo);
        while (i < count && list[i].base < hi) {
            Pregion p = list[i];
            long from = Math.max(p.base, lo);
            long to = Math.min(p.end(), hi);
            // Shoot down every member's TLBs before the frames can go to anyone else, and before a write-back reads them.
            pmaps.remove(cpu, from, to - from);
            if (p.region.file != null) {
                int first = p.firstIndex(from, to);
                mm.files.writeBack(p.region, first, first + (int) ((to - from) >>> mm.pageShift));
            }
            dropPages(p, from, to);
            if (from == p.base && to == p.end()) {
                removeAt(i);
                leave(p);
                continue;
            }
            if (from > p.base && to < p.end()) {
                Pregion high = p.slice(to, p.end());
                p.trim(p.base, from);
                p.region.hold();
                insertAt(i + 1, high);
                return;
            }
            if (from == p.base) {
                p.trim(to, p.end());
            } else {
                p.trim(p.base, from);
            }
            i++;
        }
    }

    /**
     * Frees the frames of the pages {@code [from, to)} of {@code p} that nothing can reach any more: a private
     * region's always (no other pregion attaches those pages), a shared region's only when every holder is here,
     * and then only the pages no other pregion here attaches too (a segment or a file mapped twice in one space).
     */
    private void dropPages(Pregion p, long from, long to) {
        Region r = p.region;
        int first = p.firstIndex(from, to);
        int end = first + (int) ((to - from) >>> mm.pageShift);
        if (!r.shared) {
            r.release(first, end, mm.frames);
            return;
        }
        if (attaching(r) != r.references()) {
            return;
        }
        int k = first;
        while (k < end) {
            while (k < end && reachedElsewhere(p, k)) {
                k++;
            }
            int run = k;
            while (k < end && !reachedElsewhere(p, k)) {
                k++;
            }
            r.release(run, k, mm.frames);
        }
    }

    /** Whether a pregion here other than {@code p} attaches page {@code index} of its region. */
    private boolean reachedElsewhere(Pregion p, int index) {
        for (int i = 0; i < count; i++) {
            Pregion q = list[i];
            if (q != p && q.region == p.region && index >= q.offset && index < q.offset + q.pages) {
                return true;
            }
        }
        return false;
    }

    /** Cuts the pregion holding {@code at} in two there, unless {@code at} is its base. */
    void split(long at) {
        int i = find(at);
        if (i < 0 || list[i].base == at) {
            return;
        }
        Pregion p = list[i];
        Pregion high = p.slice(at, p.end());
        p.trim(p.base, at);
        p.region.hold();
        insertAt(i + 1, high);
    }

    /** Takes every pregion out of the pmaps and lets go of its region. */
    void clear(int cpu) {
        for (int i = 0; i < count; i++) {
            pmaps.remove(cpu, list[i].base, list[i].end() - list[i].base);
        }
        while (count > 0) {
            Pregion p = list[count - 1];
            removeAt(count - 1);
            leave(p);
        }
    }

    /**
     * After {@code p} left the list: its region loses a holder, and a shared memory attachment whose last piece it
     * was counts one attachment less (before the region lets go, so a removed segment's count is 0 when it frees).
     */
    private void leave(Pregion p) {
        if (p.segment != null && !hasPieceOf(p)) {
            p.segment.detached();
        }
        release(p.region);
    }

    /** Whether a pregion in the list is a piece of the same shmat(2) attachment as {@code p}. */
    private boolean hasPieceOf(Pregion p) {
        for (int i = 0; i < count; i++) {
            if (list[i].region == p.region && list[i].sameAttachment(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lets go of one hold on {@code region}; the last one frees its pages (and forgets a program's text, or writes a
     * shared file region back and lets go of the file).
     */
    void release(Region region) {
        if (region.drop() > 0) {
            return;
        }
        if (region.file != null) {
            mm.files.close(region);
            return;
        }
        if (region.type == RegionType.TEXT) {
            mm.texts.forget(region);
        }
        region.freePages(mm.frames);
    }
}
