package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Ulocks;
import sprocket.kernel.proc.Proc;

/**
 * The user-level arena of usinit(3P): a shared mapping holding a header, spin locks and semaphores. It is library
 * code running in the calling process: every word it reads or writes goes through the MMU, locks are
 * test_and_set on the machine's atomic primitive, and only sleeping on a semaphore enters the kernel (blockproc(2)
 * and unblockproc(2), as IRIX's first arenas did).
 *
 * <p>Layout: the header (magic, header lock, size, most users, users, next free offset) in the first 32 bytes, then
 * allocations in 32-byte units, one cache line each on x86 MPS, so two locks never share a line.
 */
@Singleton
final class UsArena {
    static final int MAGIC = 0x55534152; // "USAR"
    static final int LINE = 32;
    private static final int H_LOCK = 4;
    private static final int H_SIZE = 8;
    private static final int H_MAX = 12;
    private static final int H_USERS = 16;
    private static final int H_NEXT = 20;
    /** Semaphore: count, its lock, the waiters' ring (head, tail, capacity, then pids). */
    private static final int S_COUNT = 0;
    private static final int S_LOCK = 4;
    private static final int S_HEAD = 8;
    private static final int S_TAIL = 12;
    private static final int S_CAP = 16;
    private static final int S_RING = 20;

    private final Trap trap;
    private final UserCpuImpl mem;

    @Inject
    UsArena(Trap trap, UserCpuImpl mem) {
        this.trap = trap;
        this.mem = mem;
    }

    long usconfig(int cmd, long value) {
        Proc p = trap.caller();
        switch (cmd) {
            case Ulocks.CONF_INITUSERS -> {
                if (value < 1 || value > 10_000) return bad(p);
                long old = p.arenaUsers;
                p.arenaUsers = (int) value;
                return old;
            }
            case Ulocks.CONF_INITSIZE -> {
                if (value < 4096 || value > (1L << 30)) return bad(p);
                long old = p.arenaSize;
                p.arenaSize = value;
                return old;
            }
            case Ulocks.CONF_GETUSERS -> {
                return p.arenaUsers;
            }
            case Ulocks.CONF_GETSIZE -> {
                return p.arenaSize;
            }
            default -> {
                return bad(p);
            }
        }
    }

    long usinit(String filename) {
        Proc p = trap.caller();
        Sys s = p.sys;
        long size = p.arenaSize;
        long base;
        if (filename == null) return fail(p, Errno.EFAULT);
        if (filename.equals("/dev/zero")) {
            base = s.mmap(0, size, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
            if (base == Mman.MAP_FAILED) return 0;
        } else {
            int fd = s.open(filename, Fcntl.O_RDWR | Fcntl.O_CREAT, 0666);
            if (fd < 0) return 0;
            Stat st = s.fstat(fd);
            if (st != null && st.size() < size) {
                // A new arena file: extend it to the arena's size with a byte at the end.
                s.lseek(fd, size - 1, Fcntl.SEEK_SET);
                s.write(fd, new byte[1], 0, 1);
            }
            long have = st == null ? size : Math.max(size, st.size());
            base = s.mmap(0, have, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, fd, 0);
            int errno = p.errno;
            s.close(fd);
            if (base == Mman.MAP_FAILED) {
                p.errno = errno;
                return 0;
            }
            size = have;
        }
        ussetlock(base + H_LOCK);
        if (mem.load32(base) != MAGIC) {
            mem.store32(base + H_SIZE, (int) size);
            mem.store32(base + H_MAX, p.arenaUsers);
            mem.store32(base + H_NEXT, LINE);
            mem.store32(base, MAGIC);
        }
        int users = mem.load32(base + H_USERS);
        if (users >= mem.load32(base + H_MAX)) {
            mem.lock_release(base + H_LOCK);
            s.munmap(base, size);
            return fail(p, Errno.ENOSPC);
        }
        mem.store32(base + H_USERS, users + 1);
        mem.lock_release(base + H_LOCK);
        return base;
    }

    /** Carves {@code bytes} (rounded up to whole lines) out of the arena; 0 with ENOMEM when it is full. */
    private long allocate(long arena, int bytes) {
        Proc p = trap.caller();
        if (arena == 0 || mem.load32(arena) != MAGIC) return fail(p, Errno.EINVAL);
        int units = (bytes + LINE - 1) / LINE * LINE;
        ussetlock(arena + H_LOCK);
        int next = mem.load32(arena + H_NEXT);
        int size = mem.load32(arena + H_SIZE);
        long at = 0;
        if (next + (long) units <= size) {
            mem.store32(arena + H_NEXT, next + units);
            at = arena + next;
        }
        mem.lock_release(arena + H_LOCK);
        return at == 0 ? fail(p, Errno.ENOMEM) : at;
    }

    long usnewlock(long arena) {
        long l = allocate(arena, 4);
        if (l != 0) mem.store32(l, 0);
        return l;
    }

    int ussetlock(long lock) {
        while (true) {
            for (int i = 0; i < Ulocks.USDEFSPIN; i++) {
                if (mem.test_and_set(lock, 1) == 0) return 1;
            }
            trap.caller().sys.sched_yield(); // IRIX's ussetlock gives the CPU up after _USDEFSPIN tries
        }
    }

    int uscsetlock(long lock, int spins) {
        for (int i = 0; i < Math.max(1, spins); i++) {
            if (mem.test_and_set(lock, 1) == 0) return 1;
        }
        return 0;
    }

    int usunsetlock(long lock) {
        mem.lock_release(lock);
        return 0;
    }

    int ustestlock(long lock) {
        return mem.load32(lock) != 0 ? 1 : 0;
    }

    long usnewsema(long arena, int value) {
        if (arena != 0 && mem.load32(arena) == MAGIC) {
            int cap = mem.load32(arena + H_MAX);
            long sema = allocate(arena, S_RING + 4 * cap);
            if (sema == 0) return 0;
            mem.store32(sema + S_COUNT, value);
            mem.store32(sema + S_LOCK, 0);
            mem.store32(sema + S_HEAD, 0);
            mem.store32(sema + S_TAIL, 0);
            mem.store32(sema + S_CAP, cap);
            return sema;
        }
        return fail(trap.caller(), Errno.EINVAL);
    }

    int uspsema(long sema) {
        ussetlock(sema + S_LOCK);
        int count = mem.load32(sema + S_COUNT) - 1;
        mem.store32(sema + S_COUNT, count);
        if (count >= 0) {
            mem.lock_release(sema + S_LOCK);
            return 1;
        }
        // Queue ourselves, then sleep on our block count; usvsema unblocks the longest waiter.
        int me = trap.caller().sys.getpid();
        int cap = mem.load32(sema + S_CAP);
        int tail = mem.load32(sema + S_TAIL);
        mem.store32(sema + S_RING + 4L * (tail % cap), me);
        mem.store32(sema + S_TAIL, tail + 1);
        mem.lock_release(sema + S_LOCK);
        trap.caller().sys.blockproc(me);
        return 1;
    }

    int uscpsema(long sema) {
        ussetlock(sema + S_LOCK);
        int count = mem.load32(sema + S_COUNT);
        boolean got = count > 0;
        if (got) mem.store32(sema + S_COUNT, count - 1);
        mem.lock_release(sema + S_LOCK);
        return got ? 1 : 0;
    }

    int usvsema(long sema) {
        ussetlock(sema + S_LOCK);
        int count = mem.load32(sema + S_COUNT) + 1;
        mem.store32(sema + S_COUNT, count);
        int wake = 0;
        if (count <= 0) {
            int head = mem.load32(sema + S_HEAD);
            int cap = mem.load32(sema + S_CAP);
            wake = mem.load32(sema + S_RING + 4L * (head % cap));
            mem.store32(sema + S_HEAD, head + 1);
        }
        mem.lock_release(sema + S_LOCK);
        if (wake != 0) trap.caller().sys.unblockproc(wake);
        return 0;
    }

    /** usconfig(3P)'s failure: -1 with EINVAL. */
    private static long bad(Proc p) {
        p.errno = Errno.EINVAL;
        return -1;
    }

    private static long fail(Proc p, int errno) {
        p.errno = errno;
        return 0;
    }
}
