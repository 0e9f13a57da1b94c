package sprocket.vm.regions;

import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOMEM;
import static sprocket.api.Errno.EOVERFLOW;

import java.util.Objects;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FilePages;
import sprocket.api.hw.Prot;
import sprocket.api.sys.Mman;

/**
 * The sys/mman.h calls on one image (every view of a share group sees the change when the call returns): mmap(2) of
 * anonymous memory or of a file, munmap(2), mprotect(2), msync(2), and shmat(2)'s attach; where a mapping goes when
 * the kernel chooses. The view checks it is alive first. The PRDA page is no mapping's: MAP_FIXED or shmat(2) over it
 * is EINVAL, munmap(2) leaves it, and mprotect(2) and msync(2) find nothing mapped there.
 */
final class Mappings {
    private static final long USER_END = RegionAddressSpace.USER_END;
    private static final long TEXT_BASE = RegionAddressSpace.TEXT_BASE;
    private static final int RWX = Prot.READ | Prot.WRITE | Prot.EXEC;
    private static final int ANON_FLAGS = Mman.MAP_TYPE | Mman.MAP_FIXED | Mman.MAP_ANONYMOUS;
    private static final int FILE_FLAGS = Mman.MAP_TYPE | Mman.MAP_FIXED;
    /** The largest offset a 32-bit off_t holds: a mapping may not reach past it. */
    private static final long MAX_OFFSET = Integer.MAX_VALUE;

    private final RegionMemoryManager mm;
    private final MemberPmaps pmaps;
    private final Pregions pregions;
    private final Stacks stacks;
    /** Text ends and data starts here; MAP_FIXED may not reach into [TEXT_BASE, dataBase). */
    private final long dataBase;
    /** Where the stack's reserve starts; kernel-chosen mappings stay below it. */
    private final long stackFloor;
    private final int shift;
    private final long pageMask;

    Mappings(RegionMemoryManager mm, MemberPmaps pmaps, Pregions pregions, Stacks stacks, long dataBase,
            long stackFloor) {
        this.mm = mm;
        this.pmaps = pmaps;
        this.pregions = pregions;
        this.stacks = stacks;
        this.dataBase = dataBase;
        this.stackFloor = stackFloor;
        this.shift = mm.pageShift;
        this.pageMask = mm.pageSize - 1L;
    }

    /** mmap(2) of anonymous memory; {@code brk} is the space's break, below which the kernel places nothing. */
    long mapAnonymous(int cpu, long addr, long length, int prot, int flags, long brk) {
        int type = flags & Mman.MAP_TYPE;
        if (type != Mman.MAP_SHARED && type != Mman.MAP_PRIVATE || (flags & ~ANON_FLAGS) != 0
                || (flags & Mman.MAP_ANONYMOUS) == 0 || (prot & ~RWX) != 0 || length == 0) {
            throw ErrnoException.of(EINVAL); // bad type, flag, protection or length; file-backed mappings never come here
        }
        long at = where(addr, length, flags, brk);
        int pages = (int) (roundUp(length) >>> shift);
        if (pages > mm.frames.free()) {
            mm.outOfMemory.increment();
            throw ErrnoException.of(ENOMEM);
        }
        if ((flags & Mman.MAP_FIXED) != 0) {
            pregions.unmap(cpu, at, at + roundUp(length));
        }
        pregions.attach(new Region(mm.frames, RegionType.MAPPED, pages, type == Mman.MAP_SHARED), at, pages, 0, prot);
        return at;
    }

    /**
     * mmap(2) of {@code file} from {@code offset}. The call hands over one reference to the file: a mapping made keeps
     * it (or, joining a file's shared region that has one, releases it at once); a failed call releases it.
     */
    long mapFile(int cpu, long addr, long length, int prot, int flags, FilePages file, long offset, long brk) {
        Objects.requireNonNull(file, "file");
        try {
            return mapFileHolding(cpu, addr, length, prot, flags, file, offset, brk);
        } catch (ErrnoException e) {
            file.release(); // nothing maps it, so nothing keeps the reference
            throw e;
        }
    }

    private long mapFileHolding(int cpu, long addr, long length, int prot, int flags, FilePages file, long offset,
            long brk) {
        int type = flags & Mman.MAP_TYPE;
        if (type != Mman.MAP_SHARED && type != Mman.MAP_PRIVATE || (flags & ~FILE_FLAGS) != 0
                || (prot & ~RWX) != 0 || length == 0 || offset < 0 || (offset & pageMask) != 0) {
            throw ErrnoException.of(EINVAL); // mmap(2): "off ... not multiples of the page size" is EINVAL too
        }
        long at = where(addr, length, flags, brk);
        long bytes = roundUp(length);
        if (offset > MAX_OFFSET - bytes) {
            throw ErrnoException.of(EOVERFLOW); // mmap(2): "off plus len exceeds the offset maximum" of the open file
        }
        int pages = (int) (bytes >>> shift);
        int first = (int) (offset >>> shift);
        boolean shared = type == Mman.MAP_SHARED;
        // Pages the file's shared region already holds need no new frame.
        Region cached = shared ? mm.files.find(file.inode()) : null;
        int needed = cached == null ? pages : pages - cached.resident(first, Math.min(first + pages, cached.size()));
        if (needed > mm.frames.free()) {
            mm.outOfMemory.increment();
            throw ErrnoException.of(ENOMEM);
        }
        if ((flags & Mman.MAP_FIXED) != 0) {
            pregions.unmap(cpu, at, at + bytes); // may let go of this very file's shared region: look it up after
        }
        Region r = shared ? mm.files.sharedRegion(file, first + pages)
                : mm.files.privateRegion(file, first, pages);
        pregions.attach(r, at, pages, shared ? first : 0, prot);
        return at;
    }

    /**
     * The address a mapping of {@code length} bytes goes to: exactly {@code addr} with MAP_FIXED, else
     * {@link #place}. Throws ENOMEM or EINVAL when there is none.
     */
    private long where(long addr, long length, int flags, long brk) {
        if (length < 0 || length > USER_END) {
            throw ErrnoException.of(ENOMEM);
        }
        long bytes = roundUp(length);
        if ((flags & Mman.MAP_FIXED) == 0) {
            long at = place(addr, bytes, brk);
            if (at < 0) {
                throw ErrnoException.of(ENOMEM); // mmap(2): "insufficient room in the address space to effect the mapping"
            }
            return at;
        }
        if ((addr & pageMask) != 0) {
            throw ErrnoException.of(EINVAL);
        }
        if (addr < 0 || addr > USER_END - bytes) {
            throw ErrnoException.of(ENOMEM); // mmap(2): "exceeds that allowed for the address space of a process"
        }
        if (addr < dataBase && addr + bytes > TEXT_BASE || Prda.overlaps(addr, addr + bytes, mm.pageSize)) {
            throw ErrnoException.of(EINVAL); // the program's text and the PRDA are not the caller's to replace
        }
        return addr;
    }

    /**
     * Where a mapping of {@code bytes} goes without MAP_FIXED: at the hint when that range is free, else top-down
     * from the stack's reserve, staying above the data segment's reserve and out of the unclaimed margins of the
     * stacks sproc(2) made while that leaves room; -1 when nothing fits.
     */
    private long place(long hint, long bytes, long brk) {
        if (hint > 0 && hint <= USER_END) {
            long at = (hint + pageMask) & ~pageMask;
            if (at <= stackFloor - bytes && !(at < dataBase && at + bytes > TEXT_BASE)
                    && !Prda.overlaps(at, at + bytes, mm.pageSize) && !pregions.overlaps(at, at + bytes)
                    && !stacks.inMargin(at, at + bytes)) {
                return at;
            }
        }
        return stacks.findSpace(bytes, placementFloor(brk), stackFloor, mm.marginsGivenUp);
    }

    /** The lowest address the kernel places anything at: above the data segment's reserve and the break. */
    long placementFloor(long brk) {
        return Math.max(dataBase + mm.dataReserve, (brk + pageMask) & ~pageMask);
    }

    /** shmat(2)'s half here: see {@link RegionAddressSpace#attach}. */
    long attachSegment(SharedMemorySegment segment, long addr, int prot, long brk) {
        if ((prot & ~RWX) != 0 || segment.removed()) {
            throw ErrnoException.of(EINVAL); // shmat(2): an identifier IPC_RMID removed is no longer valid
        }
        long bytes = (long) segment.region.size() << shift;
        if (addr == 0) {
            long at = place(0, bytes, brk);
            if (at < 0) {
                throw ErrnoException.of(ENOMEM); // shmat(2): "the available data space is not large enough"
            }
            addr = at;
        } else if ((addr & pageMask) != 0 || addr < 0 || addr > USER_END - bytes
                || addr < dataBase && addr + bytes > TEXT_BASE || Prda.overlaps(addr, addr + bytes, mm.pageSize)
                || pregions.overlaps(addr, addr + bytes)) {
            throw ErrnoException.of(EINVAL); // unaligned, outside user space, or over a mapping shmat(2) may not replace
        }
        pregions.attach(segment, addr, prot);
        return addr;
    }

    void munmap(int cpu, long addr, long length) {
        if ((addr & pageMask) != 0 || length <= 0 || length > USER_END || addr < 0
                || addr > USER_END - roundUp(length)) {
            throw ErrnoException.of(EINVAL); // munmap(2): unaligned, empty, or "outside the valid range for the address space"
        }
        pregions.unmap(cpu, addr, addr + roundUp(length));
    }

    /** msync(2): copies shared file pages to their files; no pmap entry changes, so no CPU is involved. */
    void msync(long addr, long length) {
        if ((addr & pageMask) != 0) {
            throw ErrnoException.of(EINVAL); // msync(2): "addr is not a multiple of the page size"
        }
        if (length == 0) {
            return;
        }
        if (length < 0 || length > USER_END || addr < 0 || addr > USER_END - roundUp(length)) {
            throw ErrnoException.of(ENOMEM);
        }
        long lo = addr;
        long hi = addr + roundUp(length);
        if (!pregions.covers(lo, hi)) {
            throw ErrnoException.of(ENOMEM); // msync(2): "the indicated memory (or part of it) was not mapped"
        }
        for (int i = pregions.firstEndingAfter(lo); i < pregions.size() && pregions.get(i).base < hi; i++) {
            Pregion p = pregions.get(i);
            long from = Math.max(p.base, lo);
            long to = Math.min(p.end(), hi);
            int first = p.firstIndex(from, to);
            mm.files.writeBack(p.region, first, first + (int) ((to - from) >>> shift));
        }
    }

    void mprotect(int cpu, long addr, long length, int prot) {
        if ((addr & pageMask) != 0 || (prot & ~RWX) != 0) {
            throw ErrnoException.of(EINVAL);
        }
        if (length == 0) {
            return;
        }
        if (length < 0 || length > USER_END || addr < 0 || addr > USER_END - roundUp(length)) {
            throw ErrnoException.of(ENOMEM);
        }
        long lo = addr;
        long hi = addr + roundUp(length);
        if (!pregions.covers(lo, hi)) {
            throw ErrnoException.of(ENOMEM); // mprotect(2): "addresses in the range are invalid ... or specify unmapped pages"
        }
        int first = pregions.firstEndingAfter(lo);
        if ((prot & Prot.WRITE) != 0) {
            for (int i = first; i < pregions.size() && pregions.get(i).base < hi; i++) {
                if (pregions.get(i).region.type == RegionType.TEXT) {
                    throw ErrnoException.of(EACCES); // shared text is a read-only object: "violates the access permission"
                }
            }
        }
        pregions.split(lo);
        pregions.split(hi);
        first = pregions.firstEndingAfter(lo);
        int last = first;
        boolean copyOnWrite = false;
        for (int i = first; i < pregions.size() && pregions.get(i).base < hi; i++) {
            Pregion p = pregions.get(i);
            p.prot = prot;
            int index = p.firstIndex(p.base, p.end());
            copyOnWrite |= !p.region.shared && p.region.sharesFrames(index, index + p.pages, mm.frames);
            last = i;
        }
        // A page still shared copy-on-write stays write-protected until a write fault copies it.
        int entered = copyOnWrite ? prot & ~Prot.WRITE : prot;
        pmaps.protect(cpu, lo, hi - lo, entered);
        for (int i = first; i <= last; i++) {
            pregions.get(i).mayBeWritable = (entered & Prot.WRITE) != 0;
        }
        pregions.coalesce(first - 1, last + 1);
    }

    private long roundUp(long length) {
        return (length + pageMask) & ~pageMask;
    }
}
