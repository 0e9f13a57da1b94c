package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;

/**
 * usinit(3P) and usconfig(3P): a shared arena, a mapping that related or unrelated processes share to hold locks
 * ({@link Ulock}) and semaphores ({@link Usema}). An arena is named by a file, mapped MAP_SHARED by every process
 * that calls usinit on it; "/dev/zero" gives an anonymous one, shared with the caller's share group and children.
 *
 * <p>Layout (IRIX's {@code usptr_t}): a 32-byte header (magic, header lock, size, most users, users, next free
 * offset, locks allocated), then allocations in 32-byte lines, one cache line each on x86 MPS, so that two locks
 * never share a line. Everything read from the arena is the program's memory and checked before it is trusted: a
 * header that does not add up is EINVAL, never a host exception.
 */
public final class Arena {
    static final int MAGIC = 0x55534152; // "USAR"
    /** The unit of allocation, and the size of the header. */
    static final int LINE = 32;
    static final int H_LOCK = 4;
    static final int H_SIZE = 8;
    static final int H_MAX = 12;
    static final int H_USERS = 16;
    static final int H_NEXT = 20;
    static final int H_LOCKS = 24;
    /** usnewlock(3P): "There is a limit of a maximum of 4096 locks per shared area". */
    static final int MAX_LOCKS = 4096;
    /** The name that asks for an anonymous arena rather than a file. */
    public static final String DEV_ZERO = "/dev/zero";

    private Arena() {
    }

    /**
     * usconfig(3P). CONF_INITUSERS ("The maximum allowable is 10000 users, and the initial value is 8") and
     * CONF_INITSIZE (here one page to 1 GiB; "The initial value is 65536 bytes") set what the next usinit uses and
     * return the old value; they live in the process's memory ({@link LibcData}), so a fork child inherits them and a
     * PR_SADDR member shares them. CONF_GETUSERS and CONF_GETSIZE return those of the arena {@code value} names, or,
     * for 0, those the next arena would get. -1 with EINVAL for any other command, a value out of range or an
     * address that is not an arena.
     */
    public static long usconfig(Sys sys, int cmd, long value) {
        UserCpu cpu = sys.cpu();
        switch (cmd) {
            case Ulocks.CONF_INITUSERS -> {
                if (value < 1 || value > Ulocks.MAX_USERS) return fail(sys, Errno.EINVAL, -1);
                int old = LibcData.initUsers(sys);
                cpu.store32(LibcData.INIT_USERS, (int) value);
                return old < 0 ? Ulocks.DEFAULT_USERS : old;
            }
            case Ulocks.CONF_INITSIZE -> {
                if (value < Ulocks.MIN_SIZE || value > Ulocks.MAX_SIZE) return fail(sys, Errno.EINVAL, -1);
                long old = LibcData.initSize(sys);
                cpu.store64(LibcData.INIT_SIZE, value);
                return old < 0 ? Ulocks.DEFAULT_SIZE : old;
            }
            case Ulocks.CONF_GETUSERS -> {
                long users = value == 0 ? LibcData.initUsers(sys) : isArena(sys, value) ? cpu.load32(value + H_MAX) : -1;
                return users < 1 ? fail(sys, Errno.EINVAL, -1) : users;
            }
            case Ulocks.CONF_GETSIZE -> {
                long size = value == 0 ? LibcData.initSize(sys) : isArena(sys, value) ? cpu.load32(value + H_SIZE) : -1;
                return size < LINE ? fail(sys, Errno.EINVAL, -1) : size;
            }
            default -> {
                return fail(sys, Errno.EINVAL, -1);
            }
        }
    }

    /**
     * usinit(3P): "usinit creates a file, filename, and maps it into the caller's space via mmap(2)" with the size
     * usconfig set (an existing, larger file is mapped whole), initialises the arena if the file holds none, and
     * joins it: "Each process that calls usinit(3P) is considered a user". As IRIX does, "File locks (see fcntl(2))
     * are used to prevent conflicting accesses to this area during the usinit call". Returns the arena's address, or
     * 0 with errno set: ENOSPC when it has its most users already, EFAULT for no name, EINVAL when the usconfig
     * values were overwritten, or the errors of open(2), fcntl(2), write(2) and mmap(2).
     */
    public static long usinit(Sys sys, String filename) {
        if (filename == null) return fail(sys, Errno.EFAULT, 0);
        int users = LibcData.initUsers(sys);
        long size = LibcData.initSize(sys);
        if (users < 0 || size < 0) return fail(sys, Errno.EINVAL, 0);
        if (filename.equals(DEV_ZERO)) {
            long base = sys.mmap(0, size, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1,
                    0);
            if (base == Mman.MAP_FAILED) return 0;
            // A new mapping no other process has yet: no one to race with.
            format(sys, base, size, users);
            sys.cpu().store32(base + H_USERS, 1);
            return base;
        }
        int fd = sys.open(filename, Fcntl.O_RDWR | Fcntl.O_CREAT, 0666);
        if (fd < 0) return 0;
        try {
            if (sys.fcntl(fd, Fcntl.F_SETLKW, new Flock[] {new Flock(Flock.F_WRLCK, Fcntl.SEEK_SET, 0, 0, 0)}) < 0) {
                return 0;
            }
            Stat st = sys.fstat(fd);
            if (st == null) return 0;
            if (st.size() < size) {
                // A new arena file: extended to the arena's size with a byte at its end, so no page lies past the end.
                if (sys.lseek(fd, size - 1, Fcntl.SEEK_SET) < 0 || sys.write(fd, new byte[1], 0, 1) != 1) return 0;
            }
            long mapped = Math.max(size, st.size());
            long base = sys.mmap(0, mapped, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, fd, 0);
            if (base == Mman.MAP_FAILED) return 0;
            UserCpu cpu = sys.cpu();
            if (cpu.load32(base) != MAGIC) format(sys, base, mapped, users);
            int now = cpu.load32(base + H_USERS);
            int max = cpu.load32(base + H_MAX);
            if (max < 1 || max > Ulocks.MAX_USERS || now < 0) return unmap(sys, base, mapped, Errno.EINVAL);
            if (now >= max) return unmap(sys, base, mapped, Errno.ENOSPC);
            cpu.store32(base + H_USERS, now + 1);
            return base;
        } finally {
            // Closing lets go of the record lock as well; the errno of a failure above is what the caller sees.
            int errno = sys.errno();
            sys.close(fd);
            sys.errno(errno);
        }
    }

    /** Writes a new header: the arena is empty, its first line the header's. The magic goes last. */
    private static void format(Sys sys, long base, long size, int users) {
        UserCpu cpu = sys.cpu();
        cpu.store32(base + H_LOCK, 0);
        cpu.store32(base + H_SIZE, (int) Math.min(size, Ulocks.MAX_SIZE));
        cpu.store32(base + H_MAX, users);
        cpu.store32(base + H_USERS, 0);
        cpu.store32(base + H_NEXT, LINE);
        cpu.store32(base + H_LOCKS, 0);
        cpu.store32(base, MAGIC);
    }

    private static long unmap(Sys sys, long base, long mapped, int errno) {
        sys.munmap(base, mapped);
        return fail(sys, errno, 0);
    }

    /** Whether {@code arena} holds an arena's magic number; 0 is none. */
    static boolean isArena(Sys sys, long arena) {
        return arena != 0 && sys.cpu().load32(arena) == MAGIC;
    }

    /**
     * Carves {@code bytes} (rounded up to whole lines) out of {@code arena} under its header lock, counting a lock
     * against {@link #MAX_LOCKS} when {@code lock}: the address, or 0 with errno ENOMEM when the arena is full
     * (usnewlock(3P): "There is no memory in the arena available to allocate the lock structure"), ENOSPC past the
     * locks' limit, EINVAL when {@code arena} is no arena or its header does not add up.
     */
    static long allocate(Sys sys, long arena, long bytes, boolean lock) {
        if (!isArena(sys, arena)) return fail(sys, Errno.EINVAL, 0);
        UserCpu cpu = sys.cpu();
        long units = (bytes + LINE - 1) / LINE * LINE;
        Ulock.ussetlock(sys, arena + H_LOCK);
        int next = cpu.load32(arena + H_NEXT);
        int size = cpu.load32(arena + H_SIZE);
        int locks = cpu.load32(arena + H_LOCKS);
        int errno = 0;
        long at = 0;
        if (next < LINE || next % LINE != 0 || size < next || size > Ulocks.MAX_SIZE || locks < 0) {
            errno = Errno.EINVAL;
        } else if (lock && locks >= MAX_LOCKS) {
            errno = Errno.ENOSPC;
        } else if (next + units > size) {
            errno = Errno.ENOMEM;
        } else {
            cpu.store32(arena + H_NEXT, (int) (next + units));
            if (lock) cpu.store32(arena + H_LOCKS, locks + 1);
            at = arena + next;
        }
        Ulock.usunsetlock(sys, arena + H_LOCK);
        return at == 0 ? fail(sys, errno, 0) : at;
    }

    /** Sets errno and returns {@code value}, the failure return of the routine at hand. */
    static long fail(Sys sys, int errno, long value) {
        sys.errno(errno);
        return value;
    }
}
