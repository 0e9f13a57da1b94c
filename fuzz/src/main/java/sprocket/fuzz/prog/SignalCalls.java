package sprocket.fuzz.prog;

import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;

/** Signals: dispositions and handlers that make calls of their own, masks, pause, alarms and sleeps. */
final class SignalCalls {
    private final Executor x;

    SignalCalls(Executor x) {
        this.x = x;
    }

    void run(Call c, Args a, String path) {
        Sys sys = x.sys;
        switch (c.op()) {
            case SIGNAL -> sys.signal(a.signal(), a.oneOf(0, 1, 2) == 0 ? SignalHandler.DEFAULT
                    : a.chance(50) ? SignalHandler.IGNORE : (s, sig) -> { });
            case SIGACTION -> {
                SignalHandler h = switch (a.below(4)) {
                    case 0 -> SignalHandler.DEFAULT;
                    case 1 -> SignalHandler.IGNORE;
                    default -> (s, sig) -> x.handle(c.body(), path);
                };
                int flags = a.flags(Sigaction.SA_RESETHAND, Sigaction.SA_NODEFER, Sigaction.SA_RESTART,
                        Sigaction.SA_NOCLDWAIT, Sigaction.SA_NOCLDSTOP, Sigaction.SA_SIGINFO, Sigaction.SA_ONSTACK);
                Sigaction act = a.chance(92) ? new Sigaction(h, a.chance(70) ? 0 : (int) a.nextLong(), flags) : null;
                Sigaction[] old = a.chance(50) ? new Sigaction[1] : a.chance(80) ? null : new Sigaction[0];
                sys.sigaction(a.signal(), act, old);
            }
            case SIGPROCMASK -> {
                int how = a.chance(90) ? a.below(4) : a.oneOf(-1, 4, 100);
                int[] old = a.chance(50) ? new int[1] : a.chance(80) ? null : new int[0];
                sys.sigprocmask(how, a.chance(50) ? 1 << a.below(32) : (int) a.nextLong(), old);
            }
            case SIGPENDING -> sys.sigpending();
            case PAUSE -> {
                // pause(2) returns only for a caught signal: an alarm first, most of the time.
                if (a.chance(80)) {
                    sys.signal(sprocket.api.Signals.SIGALRM, (s, sig) -> s.alarm(1));
                    sys.alarm(1);
                }
                sys.pause();
            }
            case ALARM -> sys.alarm(a.chance(85) ? a.below(3) : a.oneOf(-1, Integer.MAX_VALUE, Integer.MIN_VALUE));
            case SLEEP -> sys.sleep(a.chance(90) ? a.below(2) : a.oneOf(-1, Integer.MIN_VALUE, 5));
            case NANOSLEEP -> sys.nanosleep(a.chance(90) ? a.below(10_000_000) : a.oneOf(-1L, Long.MIN_VALUE,
                    Long.MAX_VALUE, 999_999_999L, 1_000_000_000L));
            default -> throw new IllegalArgumentException(c.op().name());
        }
    }
}
