package sprocket.api.sys;

/**
 * sigaction(2)'s {@code struct sigaction}.
 *
 * @param handler the disposition
 * @param mask signals blocked while the handler runs (bit n for signal n), besides the signal itself
 * @param flags {@link #SA_RESETHAND}, {@link #SA_NODEFER}, {@link #SA_RESTART}, {@link #SA_NOCLDWAIT}
 */
public record Sigaction(SignalHandler handler, int mask, int flags) {
    public static final int SA_ONSTACK = 0x00000001;
    public static final int SA_RESETHAND = 0x00000002;
    public static final int SA_RESTART = 0x00000004;
    public static final int SA_SIGINFO = 0x00000008;
    public static final int SA_NODEFER = 0x00000010;
    public static final int SA_NOCLDWAIT = 0x00010000;
    public static final int SA_NOCLDSTOP = 0x00020000;

    /** sigprocmask(2) {@code how}. */
    public static final int SIG_NOP = 0;
    public static final int SIG_BLOCK = 1;
    public static final int SIG_UNBLOCK = 2;
    public static final int SIG_SETMASK = 3;

    public static Sigaction of(SignalHandler handler) {
        return new Sigaction(handler, 0, 0);
    }
}
