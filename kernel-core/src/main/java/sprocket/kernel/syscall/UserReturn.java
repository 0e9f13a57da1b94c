package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.share.ProcBlock;

/**
 * The return to user mode, after a system call or at the end of a quantum of user work: the process gives its CPU
 * up if its turn is over, acts on its pending signals, and stops there while blockproc(2) holds it.
 */
@Singleton
public final class UserReturn {
    private final Engine engine;
    private final Delivery delivery;
    private final ProcBlock blocking;

    @Inject
    UserReturn(Engine engine, Delivery delivery, ProcBlock blocking) {
        this.engine = engine;
        this.delivery = delivery;
        this.blocking = blocking;
    }

    /** {@code p} returns from a system call. Small, so that the system-call path inlines it; the rest out of line. */
    void returning(Proc p) {
        if (p.cpu().turnOver()) {
            preempted(p);
            if (p.attention() != 0 && p.blockCount() < 0) blocked(p);
        } else if (p.attention() != 0) {
            attending(p);
        }
    }

    /** A signal is ready, or blockproc(2) holds {@code p}, or it shares or exits (which need nothing here). */
    private void attending(Proc p) {
        if ((p.attention() & Proc.SIGNAL_READY) != 0) delivery.check(p);
        if (p.blockCount() < 0) blocked(p);
    }

    /** blockproc(2) holds {@code p}: it stops here until unblocked, then acts on the signals that came meanwhile. */
    private void blocked(Proc p) {
        blocking.blockme(p);
        if (p.sig.ready()) delivery.check(p);
    }

    /** {@code p}'s turn is over in user mode: the engine takes the CPU back; on return it acts on signals. */
    void preempted(Proc p) {
        engine.preemptionPoint(p);
        if (p.sig.ready() || p.exiting() || p.blockCount() < 0) {
            delivery.check(p);
            if (p.blockCount() < 0) {
                blocking.blockme(p);
                delivery.check(p);
            }
        }
    }
}
