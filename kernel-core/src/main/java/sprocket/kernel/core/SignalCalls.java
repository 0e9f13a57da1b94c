package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;

import static sprocket.api.Signals.SIGALRM;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSTOP;
import static sprocket.api.Signals.valid;

/** kill(2), signal(2), sigaction(2), sigprocmask(2), pause(2), alarm(2) and the sleeps. */
@Singleton
final class SignalCalls {
    private final SyscallFrame frame;
    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final long clockHz;

    @Inject
    SignalCalls(SyscallFrame frame, Engine engine, ProcTable table, Signals signals) {
        this.frame = frame;
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.clockHz = engine.machine.description().clockHz();
    }


    public int kill(int pid, int sig) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (sig != 0 && !valid(sig)) return SyscallFrame.fail(p, Errno.EINVAL);
            if (pid > 0) {
                Proc t = table.get(pid);
                if (t == null) return SyscallFrame.fail(p, Errno.ESRCH);
                if (!Signals.maySignal(p, t)) return SyscallFrame.fail(p, Errno.EPERM);
                if (sig != 0) signals.post(t, sig);
                return 0;
            }
            int group = pid == 0 ? p.pgid : -pid;
            boolean found = false;
            boolean permitted = false;
            for (Proc t : table.all().toArray(new Proc[0])) {
                if (!t.alive()) continue;
                if (pid == -1) {
                    // kill(2): -1 means every process but the system's own (init) that the sender may signal.
                    if (t.pid == Lifecycle.INIT_PID) continue;
                } else if (t.pgid != group) {
                    continue;
                }
                found = true;
                if (!Signals.maySignal(p, t)) continue;
                permitted = true;
                if (sig != 0) signals.post(t, sig);
            }
            if (!found) return SyscallFrame.fail(p, Errno.ESRCH);
            if (!permitted) return SyscallFrame.fail(p, Errno.EPERM);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public SignalHandler signal(int sig, SignalHandler handler) {
        Sigaction[] old = new Sigaction[1];
        if (sigaction(sig, Sigaction.of(handler), old) < 0) return null;
        return old[0].handler();
    }

    public int sigaction(int sig, Sigaction act, Sigaction[] old) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            if (!valid(sig)) return SyscallFrame.fail(p, Errno.EINVAL);
            if (act != null && act.handler() == null) return SyscallFrame.fail(p, Errno.EFAULT);
            if (act != null && (sig == SIGKILL || sig == SIGSTOP) && act.handler() != SignalHandler.DEFAULT) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            if (old != null && old.length > 0) old[0] = p.actions[sig];
            if (act != null) {
                p.actions[sig] = act;
                // signal(2): setting a signal to SIG_IGN discards a pending instance of it.
                if (act.handler() == SignalHandler.IGNORE) p.pending &= ~sprocket.api.Signals.bit(sig);
            }
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int sigprocmask(int how, int set, int[] old) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            if (old != null && old.length > 0) old[0] = p.blocked;
            switch (how) {
                case Sigaction.SIG_BLOCK -> p.blocked |= set;
                case Sigaction.SIG_UNBLOCK -> p.blocked &= ~set;
                case Sigaction.SIG_SETMASK -> p.blocked = set;
                case Sigaction.SIG_NOP -> { }
                default -> {
                    return SyscallFrame.fail(p, Errno.EINVAL);
                }
            }
            p.blocked &= ~(Signals.UNMASKABLE | 1);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int sigpending() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.pending & p.blocked;
        } finally {
            frame.leave(p);
        }
    }

    public int pause() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            Object forever = new Object();
            while (engine.sleep(forever, true) == 0) {
                // only a signal ends a pause
            }
            return SyscallFrame.fail(p, Errno.EINTR);
        } finally {
            frame.leave(p);
        }
    }

    public int alarm(int seconds) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            long now = p.cpu.now;
            int left = 0;
            if (p.alarm != null && !p.alarm.cancelled) {
                left = (int) Math.max(1, ceilDiv(p.alarm.time - now, clockHz));
                engine.events.cancel(p.alarm);
            }
            p.alarm = null;
            if (seconds > 0) {
                p.alarm = engine.callout(now + seconds * clockHz, () -> {
                    p.alarm = null;
                    signals.post(p, SIGALRM);
                });
            }
            return left;
        } finally {
            frame.leave(p);
        }
    }

    public int sleep(int seconds) {
        if (seconds <= 0) return 0;
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            long end = p.cpu.now + seconds * clockHz;
            long left = timedSleep(p, end);
            return (int) ceilDiv(left, clockHz);
        } finally {
            frame.leave(p);
        }
    }

    public int nanosleep(long nanoseconds) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            if (nanoseconds < 0 || nanoseconds >= 1_000_000_000_000_000L) return SyscallFrame.fail(p, Errno.EINVAL);
            long cycles = Math.multiplyHigh(nanoseconds, clockHz) == 0
                    ? nanoseconds * clockHz / 1_000_000_000L : nanoseconds / 1_000_000_000L * clockHz;
            long left = timedSleep(p, p.cpu.now + cycles);
            return left > 0 ? SyscallFrame.fail(p, Errno.EINTR) : 0;
        } finally {
            frame.leave(p);
        }
    }

    /** Sleeps until {@code end} or a signal; returns the cycles left unslept. */
    private long timedSleep(Proc p, long end) {
        Object channel = new Object();
        Event timer = engine.callout(end, () -> engine.wakeup(channel));
        int r = engine.sleep(channel, true);
        if (r == 0) return 0;
        engine.events.cancel(timer);
        return Math.max(0, end - p.cpu.now);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
