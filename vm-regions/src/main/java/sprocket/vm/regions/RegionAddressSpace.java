package sprocket.vm.regions;

import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOMEM;
import static sprocket.api.Signals.SIGBUS;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;

import java.util.Objects;
import sprocket.api.fs.FilePages;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.Segment;

/**
 * One process's address space: its pregions (text, data, stack, mappings) and its pmap. Faults are resolved here
 * from the regions, which are the truth; the pmap only caches what was decided.
 */
final class RegionAddressSpace implements AddressSpace {
    /** Where text starts, as in the MIPS ABI. */
    static final long TEXT_BASE = 0x0040_0000L;
    /** The top of the stack, exclusive. */
    static final long STACK_TOP = 0x7FFF_F000L;
    /** The end of user space: kernel space (the R2000's kseg0, the x86 kernel's half) starts here. */
    static final long USER_END = 0x8000_0000L;
    private static final int RW = Prot.READ | Prot.WRITE;

    private final RegionMemoryManager mm;
    private final Pmap pmap;
    private final String program;
    /** Text ends and data starts here; MAP_FIXED may not reach into [TEXT_BASE, dataBase). */
    private final long dataBase;
    /** The region the break moves; held by this space even while no pregion attaches it. */
    private final Region data;
    /** The region the stack grows in; held by this space likewise. */
    private final Region stack;
    /** The stack may grow down to here (RLIMIT_STACK); sbrk and kernel-chosen mappings stay below it. */
    private final long stackFloor;
    private final Pregions pregions;
    private final Mappings mappings;
    private final int shift;
    private final long pageMask;
    private long brk;
    private boolean destroyed;

    private RegionAddressSpace(RegionMemoryManager mm, Pmap pmap, String program, long dataBase, Region data,
            Region stack, long stackFloor, Pregions pregions, long brk) {
        this.mm = mm;
        this.pmap = pmap;
        this.program = program;
        this.dataBase = dataBase;
        this.data = data;
        this.stack = stack;
        this.stackFloor = stackFloor;
        this.pregions = pregions;
        this.mappings = new Mappings(mm, pmap, pregions, dataBase, stackFloor);
        this.shift = mm.pageShift;
        this.pageMask = mm.pageSize - 1L;
        this.brk = brk;
        data.hold();
        stack.hold();
    }

    /** A new space for {@code image}, or null when it does not fit below the stack (exec fails with ENOMEM). */
    static RegionAddressSpace layOut(RegionMemoryManager mm, Image image) {
        Objects.requireNonNull(image.program(), "program");
        if (image.textBytes() < 0 || image.dataBytes() < 0 || image.stackLimit() < 0) {
            throw new IllegalArgumentException("negative size in " + image);
        }
        if (image.textBytes() > STACK_TOP || image.dataBytes() > STACK_TOP) {
            return null;
        }
        long page = mm.pageSize;
        int textPages = (int) Math.max(1, pages(image.textBytes(), mm));
        long dataBase = TEXT_BASE + textPages * page;
        int dataPages = (int) pages(image.dataBytes(), mm);
        long dataEnd = dataBase + dataPages * page;
        long lowestStackPage = STACK_TOP - page;
        if (dataEnd > lowestStackPage) {
            return null;
        }
        // The stack reserves [top - RLIMIT_STACK, top), never less than its first page nor over data.
        long limit = image.stackLimit() & -page;
        long floor = Math.min(lowestStackPage, Math.max(dataEnd, STACK_TOP - Math.min(limit, STACK_TOP)));
        Pmap pmap = mm.mmu.createPmap();
        Region data = new Region(RegionType.DATA, dataPages, false);
        Region stack = new Region(RegionType.STACK, 1, false);
        Pregions list = new Pregions(mm, pmap);
        list.attach(mm.texts.find(image.program(), textPages), TEXT_BASE, textPages, 0, Prot.READ | Prot.EXEC);
        if (dataPages > 0) {
            list.attach(data, dataBase, dataPages, 0, RW);
        }
        list.attach(stack, lowestStackPage, 1, 0, RW);
        return new RegionAddressSpace(mm, pmap, image.program(), dataBase, data, stack, floor, list, dataEnd);
    }

    private static long pages(long bytes, RegionMemoryManager mm) {
        return (bytes + mm.pageSize - 1) >>> mm.pageShift;
    }

    @Override
    public Pmap pmap() {
        return pmap;
    }

    @Override
    public int fault(int cpu, long vaddr, Access access) {
        checkLive();
        int i = pregions.find(vaddr);
        Pregion p = i >= 0 ? pregions.get(i) : growStack(vaddr);
        if (p == null || !Prot.allows(p.prot, access)) {
            return SIGSEGV;
        }
        Region region = p.region;
        int index = p.index(vaddr);
        long page = vaddr & ~pageMask;
        if (region.file != null && mm.files.pastEnd(region, index)) {
            return SIGBUS; // mmap(2): "references beyond the end of the object result in SIGBUS"
        }
        int frame = region.frame(index);
        if (frame < 0) {
            return region.file == null ? zeroFill(cpu, p, index, page) : pageIn(cpu, p, index, page);
        }
        if (region.shared || !region.copyOnWrite(index, mm.frames)) {
            // Ours alone (never shared, or the fork relative already copied or left): map it as the pregion allows.
            enter(cpu, p, page, frame);
            return 0;
        }
        if (access != Access.WRITE) {
            pmap.enter(cpu, page, frame, p.prot & ~Prot.WRITE);
            return 0;
        }
        return copyOnWrite(cpu, p, index, page, frame);
    }

    private int zeroFill(int cpu, Pregion p, int index, long page) {
        int frame = mm.frames.allocate();
        if (frame < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        mm.memory.zeroFrame(frame);
        mm.kernel.charge(mm.pageZeroCycles);
        mm.zeroFills.increment();
        p.region.fill(index, frame, mm.frames);
        enter(cpu, p, page, frame);
        return 0;
    }

    private int pageIn(int cpu, Pregion p, int index, long page) {
        int frame = mm.files.pageIn(p.region, index);
        if (frame < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        enter(cpu, p, page, frame);
        return 0;
    }

    private int copyOnWrite(int cpu, Pregion p, int index, long page, int shared) {
        int copy = mm.frames.allocate();
        if (copy < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        mm.memory.copyFrame(shared, copy);
        mm.kernel.charge(mm.pageCopyCycles);
        mm.cowCopies.increment();
        p.region.replace(index, copy, mm.frames);
        mm.frames.release(shared);
        enter(cpu, p, page, copy);
        return 0;
    }

    /** Maps {@code page} of {@code p} to {@code frame} as the pregion allows, noting a writable entry. */
    private void enter(int cpu, Pregion p, long page, int frame) {
        pmap.enter(cpu, page, frame, p.prot);
        if ((p.prot & Prot.WRITE) != 0) {
            p.mayBeWritable = true;
        }
    }

    /**
     * Grows the stack's lowest pregion down to the page of {@code vaddr} if that lies within RLIMIT_STACK of the top
     * and no mapping sits in between; null otherwise.
     */
    private Pregion growStack(long vaddr) {
        if (vaddr < stackFloor || vaddr >= STACK_TOP) {
            return null;
        }
        int s = pregions.lowest(stack);
        if (s < 0 || vaddr >= pregions.get(s).base) {
            return null; // no stack left, or a hole munmap(2) made above its lowest page
        }
        long page = vaddr & ~pageMask;
        if (s > 0 && pregions.get(s - 1).end() > page) {
            return null; // growing would run into a mapping
        }
        Pregion p = pregions.get(s);
        long end = p.end();
        p.base = page;
        p.pages = (int) ((end - page) >>> shift);
        if (p.offset + p.pages > stack.size()) {
            stack.grow(p.offset + p.pages, mm.frames);
        }
        return p;
    }

    @Override
    public long brk() {
        return brk;
    }

    @Override
    public long sbrk(int cpu, long increment) {
        checkLive();
        long old = brk;
        if (increment == 0) {
            return old;
        }
        // Compared as distances from the old break, which lies between the two bounds, so nothing overflows.
        if (increment > 0 && increment > stackFloor - old) {
            return -ENOMEM; // into the stack's reserved range
        }
        if (increment < 0 && increment < dataBase - old) {
            return -EINVAL; // below the start of the data segment (FreeBSD brk(2) says EINVAL too)
        }
        long wanted = old + increment;
        int oldPages = data.size();
        int newPages = (int) pages(wanted - dataBase, mm);
        long oldEnd = dataBase + ((long) oldPages << shift);
        long newEnd = dataBase + ((long) newPages << shift);
        if (newPages > oldPages) {
            if (newPages - oldPages > mm.frames.free()) {
                mm.outOfMemory.increment();
                return -ENOMEM; // more than physical memory could ever back now
            }
            if (pregions.overlaps(oldEnd, newEnd)) {
                return -ENOMEM; // a mapping in the way, as brk(2) finds one
            }
            data.grow(newPages, mm.frames);
            extendData(oldEnd, newEnd, oldPages);
        } else if (newPages < oldPages) {
            pregions.unmap(cpu, newEnd, oldEnd);
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

    @Override
    public long mmap(int cpu, long addr, long length, int prot, int flags) {
        checkLive();
        return mappings.mapAnonymous(cpu, addr, length, prot, flags, brk);
    }

    @Override
    public long mmap(int cpu, long addr, long length, int prot, int flags, FilePages file, long offset) {
        checkLive();
        return mappings.mapFile(cpu, addr, length, prot, flags, file, offset, brk);
    }

    /**
     * shmat(2)'s half here: attaches the whole of {@code segment} at {@code addr} (page aligned, in user space, over
     * nothing mapped) or, when {@code addr} is 0, where mmap(2) would put it. Returns the address or a negative errno.
     */
    @Override
    public long attach(int cpu, Segment segment, long addr, int prot) {
        checkLive();
        return mappings.attachSegment(mm.segment(segment), addr, prot, brk);
    }

    /**
     * shmdt(2): takes out what remains of the attachment shmat(2) made at exactly {@code addr}, even after munmap(2)
     * or mprotect(2) cut it into pieces; null when no attachment starts there.
     */
    @Override
    public Segment detach(int cpu, long addr) {
        checkLive();
        if ((addr & pageMask) != 0) {
            return null; // no attachment starts at an unaligned address
        }
        return pregions.detach(cpu, addr);
    }

    @Override
    public int msync(int cpu, long addr, long length) {
        checkLive();
        return mappings.msync(addr, length);
    }

    @Override
    public int munmap(int cpu, long addr, long length) {
        checkLive();
        return mappings.munmap(cpu, addr, length);
    }

    @Override
    public int mprotect(int cpu, long addr, long length, int prot) {
        checkLive();
        return mappings.mprotect(cpu, addr, length, prot);
    }

    @Override
    public long stackTop() {
        return STACK_TOP;
    }

    @Override
    public AddressSpace fork(int cpu) {
        checkLive();
        // As SVR3's dupreg checks availsmem: refuse unless every private page could still be copied once.
        long privatePages = (long) data.resident() + stack.resident();
        for (int i = 0; i < pregions.size(); i++) {
            Region r = pregions.get(i).region;
            if (!r.shared && r != data && r != stack && pregions.lowest(r) == i) {
                privatePages += r.resident();
            }
        }
        if (privatePages > mm.frames.free()) {
            mm.outOfMemory.increment();
            return null;
        }
        Pmap childPmap = mm.mmu.createPmap();
        // Each private region's page map is shared with the child, not copied: O(1) a region (SVR4's anon_map).
        Region childData = data.duplicate();
        Region childStack = stack.duplicate();
        Pregions list = new Pregions(mm, childPmap);
        // Private mapping regions met so far and their copies: one copy per region, however many pieces attach it.
        Region[] originals = new Region[pregions.size()];
        Region[] copies = new Region[pregions.size()];
        int copied = 0;
        for (int i = 0; i < pregions.size(); i++) {
            Pregion p = pregions.get(i);
            Region r = p.region;
            Region c;
            if (r.shared) {
                c = r; // MAP_SHARED, text, shm: the child attaches the very same region
            } else if (r == data) {
                c = childData;
            } else if (r == stack) {
                c = childStack;
            } else {
                int k = 0;
                while (k < copied && originals[k] != r) {
                    k++;
                }
                if (k == copied) {
                    originals[k] = r;
                    copies[k] = r.duplicate();
                    copied++;
                }
                c = copies[k];
            }
            list.inherit(p, c, p.segment != null && pregions.firstPiece(i));
            if (!r.shared && p.mayBeWritable) {
                // The parent's next write to a page it now shares faults and copies; a range no writable entry
                // was entered in since the last fork is read-only already and costs no pmap work.
                pmap.protect(cpu, p.base, p.end() - p.base, p.prot & ~Prot.WRITE);
                p.mayBeWritable = false;
            }
        }
        // Kernel bookkeeping per pregion handed over (a region reference, a page map reference), not per page.
        mm.kernel.charge(mm.kernelOpCycles * list.size());
        return new RegionAddressSpace(mm, childPmap, program, dataBase, childData, childStack, stackFloor, list, brk);
    }

    @Override
    public long residentPages() {
        long n = 0;
        for (int i = 0; i < pregions.size(); i++) {
            Pregion p = pregions.get(i);
            int index = p.firstIndex(p.base, p.end());
            n += p.region.resident(index, index + p.pages);
        }
        return n;
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

    /** Pregions attached: text, data and stack pieces and mappings, after splits and merges. */
    int pregionCount() {
        return pregions.size();
    }

    @Override
    public void destroy(int cpu) {
        checkLive();
        destroyed = true;
        pregions.clear(cpu);
        pregions.release(data);
        pregions.release(stack);
        pmap.destroy(cpu);
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("address space of " + program + " used after destroy");
        }
    }
}
