package sprocket.kernel.syscall;

import static sprocket.api.Signals.SIGALRM;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSTOP;
import static sprocket.api.Signals.bit;
import static sprocket.api.Signals.valid;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.hw.Machine;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Event;
import sprocket.kernel.engine.Wchan;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.SigState;
import sprocket.kernel.signal.Signals;

/** kill(2), sigaction(2), sigprocmask(2), sigpending(2), pause(2), alarm(2) and the sleeps. */
@Singleton
final class SignalCalls {
    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final long clockHz;

    @Inject
    SignalCalls(Engine engine, ProcTable table, Signals signals, Machine machine) {
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.clockHz = machine.description().clockHz();
    }

    int kill(Proc p, int pid, int sig) {
        if (sig != 0 && !valid(sig)) return fail(p, Errno.EINVAL);
        if (pid > 0) {
            Proc t = table.get(pid);
            if (t == null) return fail(p, Errno.ESRCH);
            if (!Signals.maySignal(p.cred, t.cred)) return fail(p, Errno.EPERM);
            if (sig != 0) signals.post(t, sig);
            return 0;
        }
        int group = pid == 0 ? p.pgid : -pid;
        boolean found = false;
        boolean permitted = false;
        // A zombie counts as found: it is a process until reaped (post ignores it).
        for (Proc t : table.all().toArray(new Proc[0])) {
            if (pid == -1) {
                // kill(2): -1 means every process but the system's own (init) that the sender may signal.
                if (t.pid == Signals.INIT_PID) continue;
            } else if (t.pgid != group) {
                continue;
            }
            found = true;
            if (!Signals.maySignal(p.cred, t.cred)) continue;
            permitted = true;
            if (sig != 0) signals.post(t, sig);
        }
        if (!found) return fail(p, Errno.ESRCH);
        if (!permitted) return fail(p, Errno.EPERM);
        return 0;
    }

    int sigaction(Proc p, int sig, Sigaction act, Sigaction[] old) {
        if (!valid(sig)) return fail(p, Errno.EINVAL);
        if (act != null && act.handler() == null) return fail(p, Errno.EFAULT);
        if (act != null && (sig == SIGKILL || sig == SIGSTOP) && act.handler() != SignalHandler.DEFAULT) {
            return fail(p, Errno.EINVAL);
        }
        SigState s = p.sig;
        if (old != null && old.length > 0) old[0] = s.action(sig);
        if (act != null) {
            s.setAction(sig, act);
            // signal(2): setting a signal to SIG_IGN discards a pending instance of it.
            if (act.handler() == SignalHandler.IGNORE) s.pending(s.pending() & ~bit(sig));
        }
        return 0;
    }

    int sigprocmask(Proc p, int how, int set, int[] old) {
        SigState s = p.sig;
        if (old != null && old.length > 0) old[0] = s.blocked();
        switch (how) {
            case Sigaction.SIG_BLOCK -> s.blocked(s.blocked() | set);
            case Sigaction.SIG_UNBLOCK -> s.blocked(s.blocked() & ~set);
            case Sigaction.SIG_SETMASK -> s.blocked(set);
            case Sigaction.SIG_NOP -> { }
            default -> {
                return fail(p, Errno.EINVAL);
            }
        }
        s.blocked(s.blocked() & ~(Signals.UNMASKABLE | 1));
        return 0;
    }

    int sigpending(Proc p) {
        return p.sig.pending() & p.sig.blocked();
    }

    int pause(Proc p) {
        // On a channel nobody wakes (the process's own signal state: no one sleeps or wakes on it otherwise), so only
        // a signal ends a pause; an object made for the purpose would cost each paused process 16 bytes more.
        while (engine.sleep(p.sig, true) == 0) {
            // only a signal ends a pause
        }
        return fail(p, Errno.EINTR);
    }

    int alarm(Proc p, int seconds) {
        long now = p.cpu().now;
        int left = 0;
        SigState s = p.sig;
        if (s.alarm != null && s.alarm.pending()) {
            left = (int) Math.max(1, ceilDiv(s.alarm.time() - now, clockHz));
            engine.cancel(s.alarm);
        }
        s.alarm = null;
        if (seconds > 0) {
            s.alarm = engine.callout(now + seconds * clockHz, () -> {
                s.alarm = null;
                signals.post(p, SIGALRM);
            });
        }
        return left;
    }

    int sleep(Proc p, int seconds) {
        if (seconds <= 0) return 0;
        long end = p.cpu().now + seconds * clockHz;
        long left = timedSleep(p, end);
        return (int) ceilDiv(left, clockHz);
    }

    int nanosleep(Proc p, long nanoseconds) {
        if (nanoseconds < 0 || nanoseconds >= 1_000_000_000_000_000L) return fail(p, Errno.EINVAL);
        long cycles = Math.multiplyHigh(nanoseconds, clockHz) == 0
                ? nanoseconds * clockHz / 1_000_000_000L : nanoseconds / 1_000_000_000L * clockHz;
        long left = timedSleep(p, p.cpu().now + cycles);
        return left > 0 ? fail(p, Errno.EINTR) : 0;
    }

    /** Sleeps until {@code end} or a signal; returns the cycles left unslept. */
    private long timedSleep(Proc p, long end) {
        Object channel = new Wchan("sleep");
        Event timer = engine.callout(end, () -> engine.wakeup(channel));
        int r = engine.sleep(channel, true);
        if (r == 0) return 0;
        engine.cancel(timer);
        return Math.max(0, end - p.cpu().now);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
