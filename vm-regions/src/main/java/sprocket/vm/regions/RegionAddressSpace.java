package sprocket.vm.regions;

import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Signals.SIGBUS;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;

import sprocket.api.ErrnoException;
import sprocket.api.fs.FilePages;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.sys.Layout;
import sprocket.api.sys.Prctl;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.Segment;

/**
 * One process's view of an image: its own pmap, its own PRDA, and the stack it grows, if any. Faults resolve against
 * the image's pregions, which are the truth, and enter the translation in this view's pmap only; every call that
 * changes the image changes it for every view of it. Outside a share group a process is its image's only view.
 */
final class RegionAddressSpace implements AddressSpace {
    /** Where text starts, as in the MIPS ABI ({@link Layout}, the layout programs rely on). */
    static final long TEXT_BASE = Layout.TEXT_BASE;
    /** The top of the stack, exclusive. */
    static final long STACK_TOP = Layout.STACK_TOP;
    /** The end of user space: kernel space (the R2000's kseg0, the x86 kernel's half) starts here. */
    static final long USER_END = Layout.USER_END;

    private final RegionMemoryManager mm;
    private final SharedImage image;
    /** The image's pregions, looked up once: the fault path reads them. */
    private final Pregions pregions;
    private final Pmap pmap;
    private final Prda prda;
    private final int shift;
    private final long pageMask;
    /** The stack this view grows (exec's, or one newStack placed), or null: a member before newStack. */
    private Stack own;
    private boolean destroyed;

    private RegionAddressSpace(RegionMemoryManager mm, SharedImage image, Pmap pmap, Stack own) {
        this.mm = mm;
        this.image = image;
        this.pregions = image.pregions;
        this.pmap = pmap;
        this.prda = new Prda(mm);
        this.shift = mm.pageShift;
        this.pageMask = mm.pageSize - 1L;
        this.own = own;
        image.join(this);
    }

    /**
     * A new space for {@code image}. Throws ENOMEM when it does not fit below the stack or the machine has no room
     * for another pmap (exec fails so).
     */
    static RegionAddressSpace layOut(RegionMemoryManager mm, int cpu, Image image) {
        SharedImage made = SharedImage.layOut(mm, image);
        return new RegionAddressSpace(mm, made, createPmap(mm, cpu, made), made.stacks.get(0));
    }

    /**
     * A pmap from the machine. When it has no room for another (ENOMEM), {@code made}, a new image no view holds yet
     * (or null), is released first.
     */
    private static Pmap createPmap(RegionMemoryManager mm, int cpu, SharedImage made) {
        try {
            return mm.mmu.createPmap();
        } catch (ErrnoException e) {
            if (made != null) {
                made.release(cpu);
            }
            mm.outOfMemory.increment();
            throw e;
        }
    }

    @Override
    public Pmap pmap() {
        return pmap;
    }

    @Override
    public int fault(int cpu, long vaddr, Access access) {
        checkLive();
        // Barton and Wagner: "the private regions for a process are examined first ... followed by ... the shared regions".
        if (Prda.holds(vaddr, pageMask)) {
            return prda.fault(cpu, access, pmap);
        }
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
            return enter(cpu, p, page, frame);
        }
        if (access != Access.WRITE) {
            return enter(cpu, page, frame, p.prot & ~Prot.WRITE);
        }
        return copyOnWrite(cpu, p, index, page, frame);
    }

    private int zeroFill(int cpu, Pregion p, int index, long page) {
        int frame = mm.frames.allocate();
        if (frame < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        mm.zeroFrame(cpu, frame);
        mm.zeroFills.increment();
        p.region.fill(index, frame, mm.frames);
        return enter(cpu, p, page, frame);
    }

    private int pageIn(int cpu, Pregion p, int index, long page) {
        int frame = mm.files.pageIn(cpu, p.region, index);
        if (frame < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        return enter(cpu, p, page, frame);
    }

    private int copyOnWrite(int cpu, Pregion p, int index, long page, int shared) {
        int copy = mm.frames.allocate();
        if (copy < 0) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
        mm.copyFrame(cpu, shared, copy);
        mm.cowCopies.increment();
        p.region.replace(index, copy, mm.frames);
        if (image.pmaps.size() > 1) {
            // Other members may map the old frame read-only: they must find the copy, and the old frame may go.
            image.pmaps.removeFromOthers(pmap, cpu, page, mm.pageSize);
        }
        mm.frames.release(shared);
        return enter(cpu, p, page, copy);
    }

    /**
     * Maps {@code page} of {@code p} to {@code frame} as the pregion allows, noting a writable entry. Returns the
     * fault's outcome: 0, or SIGKILL when the machine had no room for the translation table the mapping needs (as
     * for want of a frame: the page stays resident in its region, only unmapped).
     */
    private int enter(int cpu, Pregion p, long page, int frame) {
        int outcome = enter(cpu, page, frame, p.prot);
        if (outcome == 0 && (p.prot & Prot.WRITE) != 0) {
            p.mayBeWritable = true;
        }
        return outcome;
    }

    /** Enters one translation; a fault's outcome: 0, or SIGKILL when the machine has no room for its table. */
    private int enter(int cpu, long page, int frame, int prot) {
        try {
            pmap.enter(cpu, page, frame, prot);
            return 0;
        } catch (ErrnoException e) {
            mm.outOfMemory.increment();
            return SIGKILL;
        }
    }

    /**
     * Grows this view's own stack's lowest pregion down to the page of {@code vaddr} if that lies within its limit
     * and no pregion sits in between; null otherwise. Only the owner grows a stack: another member's fault below it
     * is an ordinary SIGSEGV.
     */
    private Pregion growStack(long vaddr) {
        Stack s = own;
        if (s == null || vaddr < s.floor || vaddr >= s.top) {
            return null;
        }
        Region stack = s.region;
        int i = pregions.lowest(stack);
        if (i < 0 || vaddr >= pregions.get(i).base) {
            return null; // no stack left, or a hole munmap(2) made above its lowest page
        }
        long page = vaddr & ~pageMask;
        if (i > 0 && pregions.get(i - 1).end() > page) {
            return null; // growing would run into a mapping (sproc(2): "as long as it doesn't run into any other")
        }
        Pregion p = pregions.get(i);
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
        return image.brk();
    }

    @Override
    public long sbrk(int cpu, long increment) {
        checkLive();
        return image.sbrk(cpu, increment);
    }

    @Override
    public long mmap(int cpu, long addr, long length, int prot, int flags) {
        checkLive();
        return image.mappings.mapAnonymous(cpu, addr, length, prot, flags, image.brk());
    }

    @Override
    public long mmap(int cpu, long addr, long length, int prot, int flags, FilePages file, long offset) {
        checkLive();
        return image.mappings.mapFile(cpu, addr, length, prot, flags, file, offset, image.brk());
    }

    /**
     * shmat(2)'s half here: attaches the whole of {@code segment} at {@code addr} (page aligned, in user space, over
     * nothing mapped) or, when {@code addr} is 0, where mmap(2) would put it. Returns the address.
     */
    @Override
    public long attach(int cpu, Segment segment, long addr, int prot) {
        checkLive();
        return image.mappings.attachSegment(mm.segment(segment), addr, prot, image.brk());
    }

    /**
     * shmdt(2): takes out what remains of the attachment shmat(2) made at exactly {@code addr}, even after munmap(2)
     * or mprotect(2) cut it into pieces; EINVAL when no attachment starts there.
     */
    @Override
    public Segment detach(int cpu, long addr) {
        checkLive();
        // No attachment starts at an unaligned address.
        Segment s = (addr & pageMask) != 0 ? null : pregions.detach(cpu, addr);
        if (s == null) {
            throw ErrnoException.of(EINVAL);
        }
        return s;
    }

    @Override
    public void msync(int cpu, long addr, long length) {
        checkLive();
        image.mappings.msync(addr, length);
    }

    @Override
    public void munmap(int cpu, long addr, long length) {
        checkLive();
        image.mappings.munmap(cpu, addr, length);
    }

    @Override
    public void mprotect(int cpu, long addr, long length, int prot) {
        checkLive();
        image.mappings.mprotect(cpu, addr, length, prot);
    }

    /** The top of the stack this view grows; STACK_TOP, the ABI's, for a view with none of its own. */
    @Override
    public long stackTop() {
        return own != null ? own.top : STACK_TOP;
    }

    /** sproc(2) with PR_SADDR: a view of the same image with a new pmap, a new PRDA and no stack yet. */
    @Override
    public AddressSpace share(int cpu) {
        checkLive();
        // One link in the shared address block; the pregions are the image's already, nothing is copied.
        Pmap view = createPmap(mm, cpu, null);
        mm.kernel.charge(mm.kernelOpCycles);
        mm.shareViews.increment();
        return new RegionAddressSpace(mm, image, view, null);
    }

    /**
     * Places a stack for this view ({@link SharedImage#newStack}) and makes it the one this view grows; a stack it
     * grew before stays in the image as it is. Returns the top.
     */
    @Override
    public long newStack(int cpu, long margin, long limit) {
        checkLive();
        Stack s = image.newStack(margin, limit);
        own = s;
        return s.top;
    }

    @Override
    public long virtualSize() {
        checkLive();
        return image.virtualSize() + mm.pageSize; // and the PRDA, a pregion of this view's own
    }

    /**
     * fork(2): a private copy-on-write copy of the whole image, the stacks of every member included (Barton and Wagner: "a
     * fork or non-VM sharing sproc call leaves any visible stack or other regions from the share group as
     * copy-on-write elements of the new process"); the child grows the copy of this view's stack, and has a new PRDA.
     */
    @Override
    public AddressSpace fork(int cpu) {
        checkLive();
        SharedImage child = image.fork(cpu);
        Pmap pmap = createPmap(mm, cpu, child);
        Stack childStack = null;
        for (int k = 0; own != null && k < image.stacks.size(); k++) {
            if (image.stacks.get(k) == own) {
                childStack = child.stacks.get(k);
            }
        }
        return new RegionAddressSpace(mm, child, pmap, childStack);
    }

    /** The image's resident pages and this view's PRDA. */
    @Override
    public long residentPages() {
        return image.residentPages() + prda.resident();
    }

    /**
     * Whether the page at {@code vaddr} is a private page whose frame is still shared copy-on-write with a fork
     * relative (through their page map or the frame's count), so no pmap entry may let it be written.
     */
    boolean copyOnWrite(long vaddr) {
        return image.copyOnWrite(vaddr);
    }

    /**
     * The frame this view's truth puts behind {@code vaddr} (its PRDA, or the image's page), or -1: every entry of
     * this view's pmap must name the same frame, since the pmap only caches what was decided here.
     */
    int frameAt(long vaddr) {
        if (Prda.holds(vaddr, pageMask)) {
            return prda.frame();
        }
        int i = pregions.find(vaddr);
        return i < 0 ? -1 : pregions.get(i).region.frame(pregions.get(i).index(vaddr));
    }

    /** Pregions attached in the image: text, data and stack pieces and mappings, after splits and merges. */
    int pregionCount() {
        return pregions.size();
    }

    /** Views of this view's image, itself included. */
    int views() {
        return image.pmaps.size();
    }

    /**
     * Releases this view. A member's own stack leaves the image first, unless this view is the one the image was made
     * for ("If the process which first created the share group exits, its stack is not removed"); the last view
     * releases the image and every frame.
     */
    @Override
    public void destroy(int cpu) {
        checkLive();
        destroyed = true;
        if (image.pmaps.size() == 1) {
            image.release(cpu);
        } else if (own != null && !image.madeFor(this)) {
            image.removeStack(cpu, own);
        }
        image.leave(this);
        if (prda.resident() != 0) {
            pmap.remove(cpu, Prctl.PRDA, mm.pageSize);
            prda.release();
        }
        pmap.destroy(cpu);
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("address space of " + image.program + " used after destroy");
        }
    }
}
