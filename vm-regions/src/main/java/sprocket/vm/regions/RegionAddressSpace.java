package sprocket.vm.regions;

import java.util.Objects;
import sprocket.api.Errno;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;

/**
 * One process's address space: its pregions (text, data, stack) and its pmap. Faults are resolved here from the
 * regions, which are the truth; the pmap only caches what was decided.
 */
final class RegionAddressSpace implements AddressSpace {
    /** Where text starts, as in the MIPS ABI. */
    static final long TEXT_BASE = 0x0040_0000L;
    /** The top of the stack, exclusive. */
    static final long STACK_TOP = 0x7FFF_F000L;

    private final RegionMemoryManager mm;
    private final Pmap pmap;
    private final String program;
    private final Pregion text;
    private final Pregion data;
    private final Pregion stack;
    /** The stack may grow down to here (RLIMIT_STACK); sbrk may not pass it. */
    private final long stackFloor;
    // Ordered by address; the fault path scans it without allocating.
    private final Pregion[] pregions;
    private long brk;
    private boolean destroyed;

    private RegionAddressSpace(RegionMemoryManager mm, Pmap pmap, String program, Region textRegion,
            Region dataRegion, long dataBase, Region stackRegion, long stackFloor, long brk) {
        this.mm = mm;
        this.pmap = pmap;
        this.program = program;
        this.text = new Pregion(textRegion, TEXT_BASE, Prot.READ | Prot.EXEC, mm.pageShift);
        this.data = new Pregion(dataRegion, dataBase, Prot.READ | Prot.WRITE, mm.pageShift);
        this.stack = new Pregion(stackRegion, STACK_TOP, Prot.READ | Prot.WRITE, mm.pageShift);
        this.pregions = new Pregion[] {text, data, stack};
        this.stackFloor = stackFloor;
        this.brk = brk;
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
        long textPages = Math.max(1, pages(image.textBytes(), mm));
        long dataBase = TEXT_BASE + textPages * page;
        long dataPages = pages(image.dataBytes(), mm);
        long dataEnd = dataBase + dataPages * page;
        long lowestStackPage = STACK_TOP - page;
        if (dataEnd > lowestStackPage) {
            return null;
        }
        // The stack reserves [top - RLIMIT_STACK, top), never less than its first page nor over data.
        long limit = image.stackLimit() & -page;
        long floor = Math.min(lowestStackPage, Math.max(dataEnd, STACK_TOP - Math.min(limit, STACK_TOP)));
        Region textRegion = mm.texts.attach(image.program(), (int) textPages);
        return new RegionAddressSpace(mm, mm.mmu.createPmap(), image.program(), textRegion,
                new Region(RegionType.DATA, (int) dataPages), dataBase, new Region(RegionType.STACK, 1), floor,
                dataEnd);
    }

    private static long pages(long bytes, RegionMemoryManager mm) {
        return (bytes + mm.pageSize - 1) >>> mm.pageShift;
    }

    @Override
    public Pmap pmap() {
        return pmap;
    }

    @Override
    public boolean fault(int cpu, long vaddr, Access access) {
        checkLive();
        Pregion p = find(vaddr);
        if (p == null) {
            p = growStack(vaddr);
            if (p == null) {
                return false;
            }
        }
        if (!Prot.allows(p.prot, access)) {
            return false;
        }
        Region region = p.region;
        int index = p.index(vaddr);
        long page = p.pageAddress(index);
        int frame = region.frame(index);
        if (frame < 0) {
            return zeroFill(p, index, page);
        }
        if (mm.frames.references(frame) == 1) {
            // Ours alone (never shared, or the fork sibling already copied or left): map it as the pregion allows.
            pmap.enter(page, frame, p.prot);
            return true;
        }
        if (access != Access.WRITE) {
            pmap.enter(page, frame, p.prot & ~Prot.WRITE);
            return true;
        }
        return copyOnWrite(p, index, page, frame);
    }

    private boolean zeroFill(Pregion p, int index, long page) {
        int frame = mm.frames.allocate();
        if (frame < 0) {
            mm.outOfMemory.increment();
            return false;
        }
        mm.memory.zeroFrame(frame);
        mm.kernel.charge(mm.pageZeroCycles);
        mm.zeroFills.increment();
        p.region.fill(index, frame);
        pmap.enter(page, frame, p.prot);
        return true;
    }

    private boolean copyOnWrite(Pregion p, int index, long page, int shared) {
        int copy = mm.frames.allocate();
        if (copy < 0) {
            mm.outOfMemory.increment();
            return false;
        }
        mm.memory.copyFrame(shared, copy);
        mm.kernel.charge(mm.pageCopyCycles);
        mm.cowCopies.increment();
        p.region.replace(index, copy);
        mm.frames.release(shared);
        pmap.enter(page, copy, p.prot);
        return true;
    }

    private Pregion find(long vaddr) {
        for (Pregion p : pregions) {
            if (p.contains(vaddr)) {
                return p;
            }
        }
        return null;
    }

    /** Grows the stack down to the page of {@code vaddr} if that lies within RLIMIT_STACK of its top. */
    private Pregion growStack(long vaddr) {
        if (vaddr >= stack.base() || vaddr < stackFloor || vaddr < data.end()) {
            return null;
        }
        long page = vaddr & -(long) mm.pageSize;
        stack.region.grow((int) ((STACK_TOP - page) >>> mm.pageShift));
        return stack;
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
            return -Errno.ENOMEM; // into the stack's reserved range
        }
        if (increment < 0 && increment < data.base() - old) {
            return -Errno.EINVAL; // below the start of the data segment (FreeBSD brk(2) says EINVAL too)
        }
        long wanted = old + increment;
        Region region = data.region;
        int oldPages = region.size();
        int newPages = (int) pages(wanted - data.base(), mm);
        if (newPages > oldPages) {
            if (newPages - oldPages > mm.frames.free()) {
                mm.outOfMemory.increment();
                return -Errno.ENOMEM; // more than physical memory could ever back now
            }
            region.grow(newPages);
        } else if (newPages < oldPages) {
            // Unmap (shooting down every TLB) before the frames can be handed to someone else.
            pmap.remove(cpu, data.pageAddress(newPages), (long) (oldPages - newPages) << mm.pageShift);
            region.shrink(newPages, mm.frames);
        }
        brk = wanted;
        return old;
    }

    @Override
    public long stackTop() {
        return STACK_TOP;
    }

    @Override
    public AddressSpace fork(int cpu) {
        checkLive();
        // As SVR3's dupreg checks availsmem: refuse unless every shared page could still be copied once.
        long privatePages = (long) data.region.resident() + stack.region.resident();
        if (privatePages > mm.frames.free()) {
            mm.outOfMemory.increment();
            return null;
        }
        Pmap childPmap = mm.mmu.createPmap();
        text.region.hold();
        Region childData = data.region.duplicate(mm.frames);
        Region childStack = stack.region.duplicate(mm.frames);
        writeProtect(cpu, data);
        writeProtect(cpu, stack);
        return new RegionAddressSpace(mm, childPmap, program, text.region, childData, data.base(), childStack,
                stackFloor, brk);
    }

    /** Makes the parent's resident pages read-only so its next write to a shared frame faults and copies. */
    private void writeProtect(int cpu, Pregion p) {
        if (p.region.resident() > 0) {
            pmap.protect(cpu, p.base(), p.end() - p.base(), p.prot & ~Prot.WRITE);
        }
    }

    @Override
    public long residentPages() {
        long n = 0;
        for (Pregion p : pregions) {
            n += p.region.resident();
        }
        return n;
    }

    @Override
    public void destroy(int cpu) {
        checkLive();
        destroyed = true;
        for (Pregion p : pregions) {
            if (p.end() > p.base()) {
                pmap.remove(cpu, p.base(), p.end() - p.base());
            }
        }
        mm.texts.detach(program, text.region, mm.frames);
        detach(data.region);
        detach(stack.region);
        pmap.destroy();
    }

    private void detach(Region region) {
        if (region.drop() == 0) {
            region.freePages(mm.frames);
        }
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("address space of " + program + " used after destroy");
        }
    }
}
