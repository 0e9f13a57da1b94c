package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;

/**
 * The semaphores of an arena (IRIX's {@code usema_t}): usnewsema(3P), uspsema(3P), uscpsema(3P), usvsema(3P). A
 * semaphore is a count and a ring of waiting pids, guarded by a spin lock of its own; a waiter sleeps on its
 * blockproc(2) count and usvsema wakes it with unblockproc(2), as IRIX's first arenas did before the usema(7M)
 * device. uspsema(3P): "Processes are unblocked in FIFO order."
 *
 * <p>Layout: count, lock, head, tail (ring indexes, each below the capacity), capacity (the arena's most users),
 * then the ring of pids. All of it is the program's memory: a semaphore whose words do not add up (a zeroed page, a
 * stray store) fails with EINVAL; uscpsema(3P): "uscpsema can only return an error (-1) if the internal semaphore
 * data structure is corrupted."
 */
public final class Usema {
    static final int S_COUNT = 0;
    static final int S_LOCK = 4;
    static final int S_HEAD = 8;
    static final int S_TAIL = 12;
    static final int S_CAP = 16;
    static final int S_RING = 20;
    /** What {@link #lockedCount} returns for a semaphore that does not add up: no count can be this low. */
    private static final int CORRUPT = Integer.MIN_VALUE;

    private Usema() {
    }

    /**
     * usnewsema(3P): "allocates a semaphore and initializes its count to the value specified by val", with room to
     * queue the arena's most users. 0 with errno EINVAL ("val is less than zero or greater than 30000", or no arena),
     * ENOMEM ("There is no memory available in the arena to allocate the semaphore structure").
     */
    public static long usnewsema(Sys sys, long arena, int value) {
        if (value < 0 || value > Ulocks.MAX_SEMA_VALUE || !Arena.isArena(sys, arena)) {
            return Arena.fail(sys, Errno.EINVAL, 0);
        }
        UserCpu cpu = sys.cpu();
        int cap = cpu.load32(arena + Arena.H_MAX);
        if (cap < 1 || cap > Ulocks.MAX_USERS) return Arena.fail(sys, Errno.EINVAL, 0);
        long sema = Arena.allocate(sys, arena, S_RING + 4L * cap, false);
        if (sema == 0) return 0;
        cpu.store32(sema + S_COUNT, value);
        cpu.store32(sema + S_LOCK, 0);
        cpu.store32(sema + S_HEAD, 0);
        cpu.store32(sema + S_TAIL, 0);
        cpu.store32(sema + S_CAP, cap);
        return sema;
    }

    /**
     * uspsema(3P): "decrements the count ... If the count is then negative, the semaphore will logically block the
     * calling process until the count is incremented due to a usvsema(3P) call made by another process"; 1 once the
     * semaphore is acquired. -1 with EINVAL for a corrupted semaphore, ENOSPC when more processes would wait than the
     * arena admits users (usconfig(3P): "Each process that calls usinit(3P) is considered a user, as is each shared
     * address process that uses a spinlock or semaphore without calling usinit(3P)").
     */
    public static int uspsema(Sys sys, long sema) {
        UserCpu cpu = sys.cpu();
        int count = lockedCount(sys, sema);
        if (count == CORRUPT) return -1;
        int cap = cpu.load32(sema + S_CAP);
        if (count > 0) {
            cpu.store32(sema + S_COUNT, count - 1);
            unlock(sys, sema, 0);
            return 1;
        }
        if (-count >= cap) return unlock(sys, sema, Errno.ENOSPC);
        // Queue ourselves, then sleep on our block count; usvsema unblocks the longest waiter.
        int me = sys.getpid();
        int tail = cpu.load32(sema + S_TAIL);
        cpu.store32(sema + S_RING + 4L * tail, me);
        cpu.store32(sema + S_TAIL, (tail + 1) % cap);
        cpu.store32(sema + S_COUNT, count - 1);
        unlock(sys, sema, 0);
        sys.blockproc(me);
        return 1;
    }

    /**
     * uscpsema(3P): "attempts to acquire the semaphore ... If the semaphore is not available ... returns immediately":
     * 1 if it was acquired, 0 if not, -1 with EINVAL if the semaphore is corrupted.
     */
    public static int uscpsema(Sys sys, long sema) {
        int count = lockedCount(sys, sema);
        if (count == CORRUPT) return -1;
        boolean got = count > 0;
        if (got) sys.cpu().store32(sema + S_COUNT, count - 1);
        unlock(sys, sema, 0);
        return got ? 1 : 0;
    }

    /**
     * usvsema(3P): "increments the count associated with sema. If there are any processes queued waiting for the
     * semaphore the first one is awakened ... If the process to be awoken is no longer alive, usvsema will
     * automatically attempt to awaken the next process waiting for the semaphore." 0; -1 with EINVAL for a corrupted
     * semaphore, or unblockproc(2)'s errno when the waiter may not be woken by the caller.
     */
    public static int usvsema(Sys sys, long sema) {
        UserCpu cpu = sys.cpu();
        while (true) {
            int count = lockedCount(sys, sema);
            if (count == CORRUPT) return -1;
            cpu.store32(sema + S_COUNT, count + 1);
            int wake = 0;
            if (count < 0) {
                int head = cpu.load32(sema + S_HEAD);
                wake = cpu.load32(sema + S_RING + 4L * head);
                cpu.store32(sema + S_HEAD, (head + 1) % cpu.load32(sema + S_CAP));
            }
            unlock(sys, sema, 0);
            if (count >= 0) return 0;
            if (wake <= 0) {
                sys.errno(Errno.EINVAL); // a waiter's slot the ring never held
                return -1;
            }
            if (sys.unblockproc(wake) == 0) return 0;
            if (sys.errno() != Errno.ESRCH) return -1;
            // The waiter is gone, and its decrement with it: the count rises once more, for the next in line.
        }
    }

    /**
     * Takes the semaphore's lock and returns its count; when its words do not add up, lets the lock go and returns
     * {@link #CORRUPT} with errno EINVAL.
     */
    private static int lockedCount(Sys sys, long sema) {
        UserCpu cpu = sys.cpu();
        Ulock.ussetlock(sys, sema + S_LOCK);
        int count = cpu.load32(sema + S_COUNT);
        if (consistent(sys, sema, cpu.load32(sema + S_CAP), count)) return count;
        unlock(sys, sema, Errno.EINVAL);
        return CORRUPT;
    }

    /**
     * Whether the semaphore's words are ones only these routines could have left: a capacity an arena can have, ring
     * indexes within it, and exactly as many pids queued between them as the count says are waiting.
     */
    private static boolean consistent(Sys sys, long sema, int cap, int count) {
        if (cap < 1 || cap > Ulocks.MAX_USERS || count < -cap) return false;
        UserCpu cpu = sys.cpu();
        int head = cpu.load32(sema + S_HEAD);
        int tail = cpu.load32(sema + S_TAIL);
        if (head < 0 || head >= cap || tail < 0 || tail >= cap) return false;
        int waiting = Math.max(0, -count);
        return Math.floorMod(tail - head, cap) == waiting % cap;
    }

    /** Releases the semaphore's lock; with a non-zero {@code errno}, sets it and returns -1. */
    private static int unlock(Sys sys, long sema, int errno) {
        Ulock.usunsetlock(sys, sema + S_LOCK);
        if (errno == 0) return 0;
        sys.errno(errno);
        return -1;
    }
}
