package sprocket.fuzz.prog;

import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_FAILED;
import static sprocket.api.sys.Mman.MAP_FIXED;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;
import static sprocket.api.sys.Mman.MS_ASYNC;
import static sprocket.api.sys.Mman.MS_INVALIDATE;
import static sprocket.api.sys.Mman.MS_SYNC;
import static sprocket.api.sys.Mman.PROT_EXEC;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;
import sprocket.fuzz.prog.Resources.Kind;

/** Memory: sbrk(2), brk(2), mmap(2) and its kin, and the user-mode loads, stores and test_and_set. */
final class MemoryCalls {
    private final Executor x;

    MemoryCalls(Executor x) {
        this.x = x;
    }

    void run(Op op, Args a) {
        Sys sys = x.sys;
        Resources res = x.res;
        UserCpu cpu = sys.cpu();
        switch (op) {
            case SBRK -> {
                long incr = a.chance(80) ? (long) x.page * (a.below(9) - 2) + (a.chance(20) ? a.below(100) : 0)
                        : a.llen(1 << 20) * (a.chance(50) ? -1 : 1);
                long old = sys.sbrk(incr);
                if (old != -1 && incr > 0) res.map(old, incr);
            }
            case BRK -> sys.brk(a.chance(60) && !res.maps.isEmpty() ? a.mappedPage(x.page) : a.addr(1, 1, 0));
            case MMAP -> mmap(a);
            case MUNMAP -> {
                long addr = a.mappedPage(x.page);
                long len = a.mapLength(x.page);
                if (sys.munmap(addr, len) == 0) res.unmap(addr, len);
            }
            case MPROTECT -> sys.mprotect(a.mappedPage(x.page), a.mapLength(x.page), prot(a));
            case MSYNC -> sys.msync(a.mappedPage(x.page), a.mapLength(x.page),
                    a.chance(85) ? a.oneOf(MS_SYNC, MS_ASYNC, MS_INVALIDATE, 0, MS_SYNC | MS_ASYNC) : a.flags(1, 2, 4, 8));
            case LOAD -> {
                int width = a.oneOf(1, 2, 4, 8);
                long addr = a.addr(width, a.chance(90) ? width : 1, cpu.stackPointer(), 88);
                switch (width) {
                    case 1 -> cpu.load8(addr);
                    case 2 -> cpu.load16(addr);
                    case 4 -> cpu.load32(addr);
                    default -> cpu.load64(addr);
                }
            }
            case STORE -> {
                int width = a.oneOf(1, 2, 4, 8);
                long addr = a.addr(width, a.chance(90) ? width : 1, cpu.stackPointer(), 88);
                long v = a.nextLong();
                switch (width) {
                    case 1 -> cpu.store8(addr, (byte) v);
                    case 2 -> cpu.store16(addr, (short) v);
                    case 4 -> cpu.store32(addr, (int) v);
                    default -> cpu.store64(addr, v);
                }
            }
            case TEST_AND_SET -> {
                long addr = a.addr(4, a.chance(90) ? 4 : 1, cpu.stackPointer(), 88);
                if (a.chance(70)) cpu.test_and_set(addr, a.chance(80) ? 1 : (int) a.nextLong());
                else cpu.lock_release(addr);
            }
            case BURN -> cpu.burn(a.chance(95) ? a.below(200_000) : a.oneOf(-1L, 0L, 5_000_000L, Long.MIN_VALUE));
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    private void mmap(Args a) {
        Sys sys = x.sys;
        boolean anonymous = a.chance(65);
        int flags = a.chance(90) ? a.oneOf(MAP_PRIVATE, MAP_SHARED) : a.oneOf(0, MAP_PRIVATE | MAP_SHARED, 3);
        if (anonymous) flags |= MAP_ANONYMOUS;
        long addr = 0;
        if (a.chance(15)) {
            flags |= MAP_FIXED;
            addr = a.mappedPage(x.page);
        } else if (a.chance(10)) {
            addr = a.addr(1, 1, 0);
        }
        if (a.chance(5)) flags = a.flags(MAP_SHARED, MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS, 0x1000, 0x20);
        int fd = anonymous ? (a.chance(90) ? -1 : a.fd()) : a.fd(Kind.FILE, Kind.DEVICE);
        long off = a.chance(85) ? (long) x.page * a.below(4) : a.oneOf(-1L, 1L, (long) x.page - 1, 1L << 40);
        long len = a.mapLength(x.page);
        long r = sys.mmap(addr, len, prot(a), flags, fd, off);
        if (r != MAP_FAILED) x.res.map(r, len);
    }

    private static int prot(Args a) {
        if (a.chance(5)) return (int) a.nextLong();
        int p = PROT_READ;
        if (a.chance(75)) p |= PROT_WRITE;
        if (a.chance(10)) p |= PROT_EXEC;
        if (a.chance(8)) p = 0;
        return p;
    }
}
