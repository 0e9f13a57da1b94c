package sprocket.kernel.share;

import static sprocket.api.sys.Prctl.PR_MAXBLOCKCNT;
import static sprocket.api.sys.Prctl.PR_MINBLOCKCNT;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;

/**
 * blockproc(2)'s counting semaphore, one per process: "Each call to blockproc decrements the count. When the count
 * becomes negative, the process is suspended. When unblockproc is called, the count is incremented. If the count
 * becomes non-negative (>= 0), the process is restarted." A process blocked by another stops at its next return to
 * user mode, as IRIX's does; a blocked process wakes early only for a signal that kills it.
 */
@Singleton
public final class ProcBlock {
    private final Engine engine;
    private final Stats.Count blocks;

    @Inject
    ProcBlock(Engine engine, Stats stats) {
        this.engine = engine;
        this.blocks = stats.counter("blockprocs");
    }

    /** blockproc(2) on {@code q}. */
    public void block(Proc q) {
        if (q.blockCount() > PR_MINBLOCKCNT) q.blockCount(q.blockCount() - 1);
    }

    /** unblockproc(2) on {@code q}, {@code n} times. */
    public void unblock(Proc q, int n) {
        q.blockCount(Math.min(PR_MAXBLOCKCNT, q.blockCount() + n));
        if (q.blockCount() >= 0) engine.wakeup(q.blockChannel());
    }

    /** setblockproccnt(2) on {@code q}. */
    public void set(Proc q, int count) {
        q.blockCount(count);
        if (count >= 0) engine.wakeup(q.blockChannel());
    }

    /** prctl(2) PR_ISBLOCKED. */
    public static boolean isBlocked(Proc q) {
        return q.blockCount() < 0;
    }

    /** The running process {@code p}, on its way back to user mode with a negative count, sleeps until restarted. */
    public void blockme(Proc p) {
        boolean user = !p.inKernel();
        if (user) p.enterKernel();
        blocks.value++;
        while (p.blockCount() < 0 && !p.exiting() && !Signals.fatalPending(p)) {
            engine.sleep(p.blockChannel(), false);
        }
        if (user) p.leaveKernel();
    }
}
