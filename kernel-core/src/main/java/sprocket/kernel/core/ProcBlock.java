package sprocket.kernel.core;

import static sprocket.api.sys.Prctl.PR_MAXBLOCKCNT;
import static sprocket.api.sys.Prctl.PR_MINBLOCKCNT;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Signals.Action;
import sprocket.api.sys.SignalHandler;

/**
 * blockproc(2)'s counting semaphore, one per process: "Each call to blockproc decrements the count. When the count
 * becomes negative, the process is suspended. When unblockproc is called, the count is incremented. If the count
 * becomes non-negative (>= 0), the process is restarted." A process blocked by another stops at its next return to
 * user mode, as IRIX's does; a blocked process wakes early only for a signal that kills it.
 */
@Singleton
final class ProcBlock {
    private final Engine engine;
    private final Stats.CounterImpl blocks;

    @Inject
    ProcBlock(Engine engine, Stats stats) {
        this.engine = engine;
        this.blocks = (Stats.CounterImpl) stats.counter("blockprocs");
    }

    /** blockproc(2) on {@code q}. */
    void block(Proc q) {
        if (q.blockCount > PR_MINBLOCKCNT) q.blockCount--;
    }

    /** unblockproc(2) on {@code q}, {@code n} times. */
    void unblock(Proc q, int n) {
        q.blockCount = Math.min(PR_MAXBLOCKCNT, q.blockCount + n);
        if (q.blockCount >= 0) engine.wakeup(q.blockChannel);
    }

    /** setblockproccnt(2) on {@code q}. */
    void set(Proc q, int count) {
        q.blockCount = count;
        if (count >= 0) engine.wakeup(q.blockChannel);
    }

    /** prctl(2) PR_ISBLOCKED. */
    static boolean isBlocked(Proc q) {
        return q.blockCount < 0;
    }

    /** The running process {@code p}, on its way back to user mode with a negative count, sleeps until restarted. */
    void blockme(Proc p) {
        boolean user = !p.inKernel;
        if (user) {
            p.inKernel = true;
            p.kernelMark = p.cpu.now;
        }
        blocks.value++;
        while (p.blockCount < 0 && !p.exiting && !fatalPending(p)) {
            engine.sleep(p.blockChannel, false);
        }
        if (user) {
            p.inKernel = false;
            p.stime += p.cpu.now - p.kernelMark;
        }
    }

    /** Whether a signal that will kill {@code p} waits to be delivered: only that ends a block early. */
    static boolean fatalPending(Proc p) {
        int ready = p.pending & ~(p.blocked & ~Signals.UNMASKABLE);
        while (ready != 0) {
            int sig = Integer.numberOfTrailingZeros(ready);
            ready &= ready - 1;
            if (sig == sprocket.api.Signals.SIGKILL) return true;
            if (p.handler(sig) == SignalHandler.DEFAULT) {
                Action a = sprocket.api.Signals.defaultAction(sig);
                if (a == Action.TERMINATE || a == Action.CORE) return true;
            }
        }
        return false;
    }
}
