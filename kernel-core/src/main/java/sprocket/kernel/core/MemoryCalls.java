package sprocket.kernel.core;

import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.fs.FilePages;
import sprocket.api.fs.OpenFile;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;

import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;

/** sbrk(2), brk(2), and the loads and stores a program makes, all through the MMU. */
@Singleton
final class MemoryCalls {
    private final SyscallFrame frame;
    private final Engine engine;
    private final Signals signals;
    private final Lazy<Lifecycle> lifecycle;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final long memoryCost;
    private final ShareGroups shares;
    /** The CPU that last took each word test_and_set has touched, by physical address. */
    private final java.util.Map<Long, Integer> atomicHolders = new java.util.HashMap<>();

    @Inject
    MemoryCalls(SyscallFrame frame, Engine engine, Signals signals, Lazy<Lifecycle> lifecycle, ShareGroups shares) {
        this.frame = frame;
        this.shares = shares;
        this.engine = engine;
        this.signals = signals;
        this.lifecycle = lifecycle;
        this.mmu = engine.machine.mmu();
        this.memory = engine.machine.memory();
        this.memoryCost = engine.costs.memoryAccess();
    }


    public long sbrk(long increment) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            return SyscallFrame.result(p, updating(p, () -> p.space.sbrk(p.cpu.id, increment)));
        } finally {
            frame.leave(p);
        }
    }

    public int brk(long addr) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            long r = updating(p, () -> p.space.sbrk(p.cpu.id, addr - p.space.brk()));
            return r < 0 ? SyscallFrame.fail(p, (int) -r) : 0;
        } finally {
            frame.leave(p);
        }
    }

    /** Runs a change to {@code p}'s pregion list under its share group's update lock, if it shares its space. */
    private long updating(Proc p, java.util.function.LongSupplier change) {
        if (!ShareGroups.sharesSpace(p)) return change.getAsLong();
        shares.updateBegin(p);
        try {
            return change.getAsLong();
        } finally {
            shares.updateEnd(p);
        }
    }

    /** Translates for a user access; a fault the kernel cannot mend is SIGSEGV, after which the access retries. */
    private long translate(Proc p, long va, Access access) {
        long pa = mmu.translate(p.cpu.id, va, access);
        if (pa == Mmu.FAULT) {
            deliverFault(p, false);
            pa = mmu.translate(p.cpu.id, va, access);
            if (pa == Mmu.FAULT) deliverFault(p, true);
        }
        return pa;
    }

    /** The signal for an access the kernel could not mend: what the memory manager chose, SIGSEGV by default. */
    private void deliverFault(Proc p, boolean secondTime) {
        int sig = p.faultSignal == 0 ? SIGSEGV : p.faultSignal;
        p.faultSignal = 0;
        // Out of memory: the memory manager's SIGKILL, which no handler may catch.
        if (sig == SIGKILL) lifecycle.get().exit(p, sprocket.api.sys.Wait.signaled(SIGKILL, false));
        signals.fault(p, sig, secondTime);
    }

    public long mmap(long addr, long len, int prot, int flags, int fd, long off) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            if ((prot & ~(Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC)) != 0) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            if ((flags & Mman.MAP_ANONYMOUS) != 0) {
                if (fd != -1 || off != 0) return SyscallFrame.fail(p, Errno.EINVAL);
                return SyscallFrame.result(p, updating(p, () -> p.space.mmap(p.cpu.id, addr, len, prot, flags)));
            }
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            int mode = f.flags() & Fcntl.O_ACCMODE;
            // mmap(2): "EACCES: fildes is not open for read, or MAP_SHARED and PROT_WRITE without write access".
            if (mode == Fcntl.O_WRONLY) return SyscallFrame.fail(p, Errno.EACCES);
            if ((flags & Mman.MAP_TYPE) == Mman.MAP_SHARED && (prot & Mman.PROT_WRITE) != 0 && mode != Fcntl.O_RDWR) {
                return SyscallFrame.fail(p, Errno.EACCES);
            }
            if (off < 0) return SyscallFrame.fail(p, Errno.EINVAL);
            FilePages pages = f.pages();
            // "ENODEV: fildes refers to an object for which mmap is meaningless, such as a terminal."
            if (pages == null) return SyscallFrame.fail(p, Errno.ENODEV);
            return SyscallFrame.result(p, updating(p, () -> p.space.mmap(p.cpu.id, addr, len, prot, flags, pages, off)));
        } finally {
            frame.leave(p);
        }
    }

    public int msync(long addr, long len, int flags) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            int known = Mman.MS_ASYNC | Mman.MS_SYNC | Mman.MS_INVALIDATE;
            if ((flags & ~known) != 0 || (flags & (Mman.MS_ASYNC | Mman.MS_SYNC)) == (Mman.MS_ASYNC | Mman.MS_SYNC)) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            return (int) SyscallFrame.result(p, p.space.msync(p.cpu.id, addr, len));
        } finally {
            frame.leave(p);
        }
    }

    public int munmap(long addr, long len) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            return (int) SyscallFrame.result(p, updating(p, () -> p.space.munmap(p.cpu.id, addr, len)));
        } finally {
            frame.leave(p);
        }
    }

    public int mprotect(long addr, long len, int prot) {
        Proc p = frame.enter(Locks.Area.VM);
        try {
            if ((prot & ~(Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC)) != 0) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            return (int) SyscallFrame.result(p, updating(p, () -> p.space.mprotect(p.cpu.id, addr, len, prot)));
        } finally {
            frame.leave(p);
        }
    }

    private long load(long va, int width, Access access) {
        Proc p = frame.user();
        long pa = translate(p, va, access);
        long v = memory.load(pa, width);
        engine.userCharge(p, memoryCost);
        return v;
    }

    private void store(long va, int width, long value) {
        Proc p = frame.user();
        long pa = translate(p, va, Access.WRITE);
        memory.store(pa, width, value);
        engine.userCharge(p, memoryCost);
    }

    /**
     * test_and_set(3) on the machine's atomic primitive: a held word costs a turn of spinning, a free one what taking
     * a lock costs on this machine, given the CPU that last took it (x86: the cache line comes over from there).
     */
    public int testAndSet(long va, int value) {
        Proc p = frame.user();
        if ((va & 3) != 0) signals.fault(p, sprocket.api.Signals.SIGBUS, true);
        long pa = translate(p, va, Access.WRITE);
        int old = (int) memory.load(pa, 4);
        memory.store(pa, 4, value);
        Integer last = atomicHolders.put(pa, p.cpu.id);
        var atomics = engine.machine.atomics();
        engine.userCharge(p, old != 0 ? Math.max(1, atomics.spin(p.cpu.id))
                : atomics.acquire(p.cpu.id, last == null ? -1 : last));
        return old;
    }

    /** Stores 0 to a word test_and_set took: the unlock half, at the primitive's release cost. */
    void atomicClear(long va) {
        Proc p = frame.user();
        long pa = translate(p, va, Access.WRITE);
        memory.store(pa, 4, 0);
        engine.userCharge(p, engine.machine.atomics().release(p.cpu.id));
    }

    public byte load8(long addr) {
        return (byte) load(addr, 1, Access.READ);
    }

    public short load16(long addr) {
        return (short) load(addr, 2, Access.READ);
    }

    public int load32(long addr) {
        return (int) load(addr, 4, Access.READ);
    }

    public long load64(long addr) {
        return load(addr, 8, Access.READ);
    }

    public double loadDouble(long addr) {
        return Double.longBitsToDouble(load(addr, 8, Access.READ));
    }

    public void store8(long addr, byte value) {
        store(addr, 1, value);
    }

    public void store16(long addr, short value) {
        store(addr, 2, value);
    }

    public void store32(long addr, int value) {
        store(addr, 4, value);
    }

    public void store64(long addr, long value) {
        store(addr, 8, value);
    }

    public void storeDouble(long addr, double value) {
        store(addr, 8, Double.doubleToRawLongBits(value));
    }
}
