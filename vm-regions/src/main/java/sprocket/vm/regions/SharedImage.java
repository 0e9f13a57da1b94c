package sprocket.vm.regions;

import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOMEM;

import java.util.Objects;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Prot;
import sprocket.api.sys.Prctl;
import sprocket.api.vm.Image;

/**
 * The virtual memory image every view of it sees: the pregions (text, data, stacks, mappings, attachments), the data
 * region and its break, the stacks and their margins. A process outside any share group is its image's only view; a
 * share group's members are views of one image, Barton and Wagner's "list of pregions in the shared address block": "Since
 * there is only one list, if one process adds a pregion (say through a mmap(2) call) all other share group members
 * will immediately see that new virtual region." Whatever takes pages away goes through every view's pmap first.
 */
final class SharedImage {
    private static final int RW = Prot.READ | Prot.WRITE;

    private final RegionMemoryManager mm;
    final String program;
    /** Text ends and data starts here; MAP_FIXED may not reach into [TEXT_BASE, dataBase). */
    final long dataBase;
    /** The region the break moves; held by the image even while no pregion attaches it. */
    private final Region data;
    /** The exec stack may grow down to here (RLIMIT_STACK); sbrk and kernel-chosen mappings stay below it. */
    private final long stackFloor;
    final MemberPmaps pmaps;
    final Pregions pregions;
    final Stacks stacks;
    final Mappings mappings;
    private final int shift;
    private final long pageMask;
    private long brk;
    /** The view the image was made for: sproc(2) keeps its stack when it goes. */
    private RegionAddressSpace creator;

    private SharedImage(RegionMemoryManager mm, String program, long dataBase, Region data, long stackFloor,
            MemberPmaps pmaps, Pregions pregions, long brk) {
        this.mm = mm;
        this.program = program;
        this.dataBase = dataBase;
        this.data = data;
        this.stackFloor = stackFloor;
        this.pmaps = pmaps;
        this.pregions = pregions;
        this.stacks = new Stacks(pregions);
        this.mappings = new Mappings(mm, pmaps, pregions, stacks, dataBase, stackFloor);
        this.shift = mm.pageShift;
        this.pageMask = mm.pageSize - 1L;
        this.brk = brk;
        data.hold();
    }

    /**
     * A new image for {@code image}: text at TEXT_BASE, data after it, one stack page under STACK_TOP with
     * RLIMIT_STACK reserved below it. Throws ENOMEM when it does not fit below the stack (exec fails so).
     */
    static SharedImage layOut(RegionMemoryManager mm, Image image) {
        Objects.requireNonNull(image.program(), "program");
        if (image.textBytes() < 0 || image.dataBytes() < 0 || image.stackLimit() < 0) {
            throw new IllegalArgumentException("negative size in " + image);
        }
        long top = RegionAddressSpace.STACK_TOP;
        if (image.textBytes() > top || image.dataBytes() > top) {
            throw ErrnoException.of(ENOMEM);
        }
        long page = mm.pageSize;
        int textPages = (int) Math.max(1, pages(image.textBytes(), mm));
        long dataBase = RegionAddressSpace.TEXT_BASE + textPages * page;
        int dataPages = (int) pages(image.dataBytes(), mm);
        long dataEnd = dataBase + dataPages * page;
        long lowestStackPage = top - page;
        if (dataEnd > lowestStackPage) {
            throw ErrnoException.of(ENOMEM);
        }
        // The stack reserves [top - RLIMIT_STACK, top), never less than its first page nor over data.
        long limit = image.stackLimit() & -page;
        long floor = Math.min(lowestStackPage, Math.max(dataEnd, top - Math.min(limit, top)));
        Region data = new Region(mm.frames, RegionType.DATA, dataPages, false);
        Region stack = new Region(mm.frames, RegionType.STACK, 1, false);
        MemberPmaps pmaps = new MemberPmaps();
        Pregions list = new Pregions(mm, pmaps);
        list.attach(mm.texts.find(mm.frames, image.program(), textPages), RegionAddressSpace.TEXT_BASE, textPages, 0,
                Prot.READ | Prot.EXEC);
        if (dataPages > 0) {
            list.attach(data, dataBase, dataPages, 0, RW);
        }
        list.attach(stack, lowestStackPage, 1, 0, RW);
        SharedImage made = new SharedImage(mm, image.program(), dataBase, data, floor, pmaps, list, dataEnd);
        made.addStack(new Stack(stack, top, floor, floor));
        return made;
    }

    private static long pages(long bytes, RegionMemoryManager mm) {
        return (bytes + mm.pageSize - 1) >>> mm.pageShift;
    }

    /** A view joins with its own pmap; the first is the image's creator. */
    void join(RegionAddressSpace view) {
        pmaps.add(view.pmap());
        if (creator == null) {
            creator = view;
        }
    }

    /** Whether {@code view} is the one the image was made for. */
    boolean madeFor(RegionAddressSpace view) {
        return creator == view;
    }

    private void addStack(Stack s) {
        s.region.hold();
        stacks.add(s);
    }

    long brk() {
        return brk;
    }

    /** sbrk(2) on the image: see {@link RegionAddressSpace#sbrk}. */
    long sbrk(int cpu, long increment) {
        long old = brk;
        if (increment == 0) {
            return old;
        }
        // Compared as distances from the old break, which lies between the two bounds, so nothing overflows.
        if (increment > 0 && increment > stackFloor - old) {
            throw ErrnoException.of(ENOMEM); // into the stack's reserved range
        }
        if (increment < 0 && increment < dataBase - old) {
            throw ErrnoException.of(EINVAL); // below the start of the data segment (FreeBSD brk(2) says EINVAL too)
        }
        long wanted = old + increment;
        int oldPages = data.size();
        int newPages = (int) pages(wanted - dataBase, mm);
        long oldEnd = dataBase + ((long) oldPages << shift);
        long newEnd = dataBase + ((long) newPages << shift);
        if (newPages > oldPages) {
            if (newPages - oldPages > mm.frames.free()) {
                mm.outOfMemory.increment();
                throw ErrnoException.of(ENOMEM); // more than physical memory could ever back now
            }
            if (pregions.overlaps(oldEnd, newEnd)) {
                throw ErrnoException.of(ENOMEM); // a mapping (or a member's stack) in the way, as brk(2) finds one
            }
            data.grow(newPages, mm.frames);
            extendData(oldEnd, newEnd, oldPages);
        } else if (newPages < oldPages) {
            pregions.unmap(cpu, newEnd, oldEnd); // out of every member's pmap before the frames go
            data.shrink(newPages, mm.frames);
        }
        brk = wanted;
        return old;
    }

    /** Attaches the data pages {@code [oldEnd, newEnd)} that sbrk added, continuing the last data pregion if it can. */
    private void extendData(long oldEnd, long newEnd, int firstPage) {
        int added = (int) ((newEnd - oldEnd) >>> shift);
        int i = oldEnd > dataBase ? pregions.find(oldEnd - 1) : -1;
        if (i >= 0) {
            Pregion last = pregions.get(i);
            if (last.region == data && last.prot == RW) {
                last.pages += added;
                return;
            }
        }
        pregions.attach(data, oldEnd, added, firstPage, RW);
    }

    /**
     * A new stack: {@code margin} bytes (whole pages, at least one) at the highest place below STACK_TOP and above the
     * data's reserve that overlaps no pregion and no unclaimed margin, or failing that no pregion; its first page
     * attached, growth allowed {@code limit} bytes down from its top. Throws ENOMEM when no hole of {@code margin} is
     * left.
     */
    Stack newStack(long margin, long limit) {
        long page = mm.pageSize;
        if (margin > RegionAddressSpace.USER_END) {
            throw ErrnoException.of(ENOMEM);
        }
        long bytes = margin <= page ? page : (margin + pageMask) & ~pageMask;
        long at = stacks.findSpace(bytes, mappings.placementFloor(brk), RegionAddressSpace.STACK_TOP,
                mm.marginsGivenUp);
        if (at < 0) {
            throw ErrnoException.of(ENOMEM); // sproc(2): ENOMEM "If there is not enough virtual space to allocate a new stack"
        }
        long top = at + bytes;
        long reach = Math.max(limit & ~pageMask, page);
        // Never down onto the PRDA, which no pregion may cover.
        long floor = Math.max(reach >= top ? 0 : top - reach, Prctl.PRDA + page);
        Region region = new Region(mm.frames, RegionType.STACK, 1, false);
        Stack s = new Stack(region, top, Math.min(floor, top - page), at);
        addStack(s);
        pregions.attach(region, top - page, 1, 0, RW);
        mm.newStacks.increment();
        return s;
    }

    /**
     * Takes stack {@code s} out of the image: every piece of it out of every pmap and its frames freed (sproc(2): "If
     * one member of a share group exits or otherwise dies, its stack is removed from the virtual space").
     */
    void removeStack(int cpu, Stack s) {
        for (int i = pregions.lowest(s.region); i >= 0; i = pregions.lowest(s.region)) {
            Pregion p = pregions.get(i);
            pregions.unmap(cpu, p.base, p.end());
        }
        stacks.remove(s);
        pregions.release(s.region);
    }

    /**
     * A private copy for fork(2) of the whole image, every stack included, copy-on-write; ENOMEM when memory ran out.
     * The copy has no view yet. Its stacks are in the order of this image's.
     */
    SharedImage fork(int cpu) {
        int nStacks = stacks.size();
        // As SVR3's dupreg checks availsmem: refuse unless every private page could still be copied once.
        long privatePages = data.resident();
        for (int k = 0; k < nStacks; k++) {
            privatePages += stacks.get(k).region.resident();
        }
        for (int i = 0; i < pregions.size(); i++) {
            Region r = pregions.get(i).region;
            if (!r.shared && r != data && !isStack(r) && pregions.lowest(r) == i) {
                privatePages += r.resident();
            }
        }
        if (privatePages > mm.frames.free()) {
            mm.outOfMemory.increment();
            throw ErrnoException.of(ENOMEM);
        }
        // Each private region's page map is shared with the child, not copied: O(1) a region (SVR4's anon_map).
        // Private regions met so far and their copies: one copy per region, however many pieces attach it.
        Region[] originals = new Region[1 + nStacks + pregions.size()];
        Region[] copies = new Region[originals.length];
        originals[0] = data;
        copies[0] = data.duplicate(mm.frames);
        for (int k = 0; k < nStacks; k++) {
            originals[1 + k] = stacks.get(k).region;
            copies[1 + k] = originals[1 + k].duplicate(mm.frames);
        }
        int copied = 1 + nStacks;
        MemberPmaps childPmaps = new MemberPmaps();
        Pregions list = new Pregions(mm, childPmaps);
        for (int i = 0; i < pregions.size(); i++) {
            Pregion p = pregions.get(i);
            Region r = p.region;
            Region c = r; // MAP_SHARED, text, shm: the child attaches the very same region
            if (!r.shared) {
                int k = 0;
                while (k < copied && originals[k] != r) {
                    k++;
                }
                if (k == copied) {
                    originals[k] = r;
                    copies[k] = r.duplicate(mm.frames);
                    copied++;
                }
                c = copies[k];
            }
            list.inherit(p, c, p.segment != null && pregions.firstPiece(i));
            if (!r.shared && p.mayBeWritable) {
                // Every member's next write to a page it now shares faults and copies; a range no writable entry
                // was entered in since the last fork is read-only already and costs no pmap work.
                pmaps.protect(cpu, p.base, p.end() - p.base, p.prot & ~Prot.WRITE);
                p.mayBeWritable = false;
            }
        }
        // Kernel bookkeeping per pregion handed over (a region reference, a page map reference), not per page.
        mm.kernel.charge(mm.kernelOpCycles * list.size());
        SharedImage child = new SharedImage(mm, program, dataBase, copies[0], stackFloor, childPmaps, list, brk);
        for (int k = 0; k < nStacks; k++) {
            child.addStack(stacks.get(k).over(copies[1 + k]));
        }
        return child;
    }

    private boolean isStack(Region r) {
        for (int k = 0; k < stacks.size(); k++) {
            if (stacks.get(k).region == r) {
                return true;
            }
        }
        return false;
    }

    /** Pages of the image with a frame. */
    long residentPages() {
        long n = 0;
        for (int i = 0; i < pregions.size(); i++) {
            Pregion p = pregions.get(i);
            int index = p.firstIndex(p.base, p.end());
            n += p.region.resident(index, index + p.pages);
        }
        return n;
    }

    /** Bytes of every pregion plus the stacks' unclaimed margins (what no pregion covers of them). */
    long virtualSize() {
        long n = 0;
        for (int i = 0; i < pregions.size(); i++) {
            n += (long) pregions.get(i).pages << shift;
        }
        return n + stacks.unclaimedBytes();
    }

    /**
     * Whether the page at {@code vaddr} is a private page whose frame is still shared copy-on-write with a fork
     * relative (through their page map or the frame's count), so no pmap entry may let it be written.
     */
    boolean copyOnWrite(long vaddr) {
        int i = pregions.find(vaddr);
        if (i < 0) {
            return false;
        }
        Pregion p = pregions.get(i);
        int index = p.index(vaddr);
        return !p.region.shared && p.region.frame(index) >= 0 && p.region.copyOnWrite(index, mm.frames);
    }

    /** The last view is going: every pregion out of its pmap, and every region let go of. */
    void release(int cpu) {
        pregions.clear(cpu);
        pregions.release(data);
        for (int k = 0; k < stacks.size(); k++) {
            pregions.release(stacks.get(k).region);
        }
    }

    /** A view other than the last leaves. */
    void leave(RegionAddressSpace view) {
        pmaps.remove(view.pmap());
    }
}
