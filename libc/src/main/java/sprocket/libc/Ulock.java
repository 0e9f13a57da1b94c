package sprocket.libc;

import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.UserCpu;

/**
 * The spin locks of an arena (IRIX's {@code ulock_t}): usnewlock(3P) and ussetlock(3P). A lock is a word taken with
 * the machine's atomic primitive ({@link UserCpu#test_and_set}, LOCK XCHG on x86 MPS, the bus lock unit on the
 * R2000) and released with {@link UserCpu#lock_release}; ussetlock(3P): "The locks are based in user address space
 * thus avoiding any system call overhead in the case where the lock is available."
 */
public final class Ulock {

    /** The yields ussetlock makes before it naps between rounds. */
    static final int YIELDS = 16;
    /** The longest nap between rounds, in clock ticks. */
    static final int MAX_NAP_TICKS = 8;
    private static final int NAP_DOUBLINGS = Integer.numberOfTrailingZeros(MAX_NAP_TICKS);

    private Ulock() {
    }

    /**
     * usnewlock(3P): "allocates a lock from the arena designated by handle ... and initializes it": the lock's
     * address, unlocked, or 0 with errno ENOMEM ("There is no memory in the arena available to allocate the lock
     * structure"), ENOSPC ("If the system imposed maximum (4096) number of allocatable locks has been exceeded") or
     * EINVAL when {@code arena} is not an arena.
     */
    public static long usnewlock(Sys sys, long arena) {
        long lock = Arena.allocate(sys, arena, 4, true);
        if (lock != 0) sys.cpu().store32(lock, 0);
        return lock;
    }

    /**
     * ussetlock(3P): takes the lock; 1. "If, after spins attempts to acquire the lock have all failed, the function
     * will ... yield the processor ... After returning from yield, ussetlock ... will again attempt to acquire the
     * lock spins times. This will continue until the lock is finally acquired." The spins are {@link
     * Ulocks#USDEFSPIN}, each costing what the machine's atomic primitive costs, and the yield is sched_yield(2), as
     * sginap(0) is. A lock still held after {@link #YIELDS} yields has an owner that is not about to let go (asleep,
     * stopped, or dead with the lock taken): the caller then sleeps between rounds, one clock tick doubling to
     * {@link #MAX_NAP_TICKS}, as sginap(ticks) would, so that such a wait costs simulated time, not the host's.
     */
    public static int ussetlock(Sys sys, long lock) {
        UserCpu cpu = sys.cpu();
        long tick = 0;
        for (int round = 0;; round++) {
            for (int i = 0; i < Ulocks.USDEFSPIN; i++) {
                if (cpu.test_and_set(lock, 1) == 0) return 1;
            }
            if (round < YIELDS) {
                sys.sched_yield();
                continue;
            }
            if (tick == 0) tick = 1_000_000_000L / Math.max(1, sys.sysconf(Sysconf._SC_CLK_TCK));
            sys.nanosleep(tick << Math.min(round - YIELDS, NAP_DOUBLINGS));
        }
    }
    /**
     * uscsetlock(3P): tries the lock up to {@code spins} times (at least once); "If, after spins attempts to acquire
     * the lock have all failed, the function will ... return": 1 if it was taken, else 0.
     */
    public static int uscsetlock(Sys sys, long lock, int spins) {
        UserCpu cpu = sys.cpu();
        for (int i = 0; i < Math.max(1, spins); i++) {
            if (cpu.test_and_set(lock, 1) == 0) return 1;
        }
        return 0;
    }

    /** usunsetlock(3P): releases the lock; 0. */
    public static int usunsetlock(Sys sys, long lock) {
        sys.cpu().lock_release(lock);
        return 0;
    }

    /** ustestlock(3P): 1 if the lock is held, else 0, without taking it. */
    public static int ustestlock(Sys sys, long lock) {
        return sys.cpu().load32(lock) != 0 ? 1 : 0;
    }
}
