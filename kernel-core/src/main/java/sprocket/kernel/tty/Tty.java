package sprocket.kernel.tty;

import static sprocket.api.sys.Termios.ICANON;
import static sprocket.api.sys.Termios.VMIN;
import static sprocket.api.sys.Termios.VTIME;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Ioctl;
import sprocket.api.sys.Termios;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Event;

/**
 * A terminal: its modes (termios), its input queue and line discipline, the session it is the controlling terminal of
 * and that session's foreground process group, and the line below it. read(2), write(2) and the terminal's control
 * requests (tcgetattr, tcsetattr, tcsetpgrp...) act here, as termio(7) describes them.
 */
public final class Tty {
    /** TIME counts tenths of a second. */
    private static final long TIME_UNIT_NS = 100_000_000L;

    final String name;
    private final Line line;
    private final Sessions sessions;
    private final Engine engine;
    private final long cyclesPerTenth;
    private final InputQueue input = new InputQueue();
    private final Ldisc ldisc = new Ldisc(this);
    private Termios termios;
    /** The session this is the controlling terminal of (0: none), and its foreground process group. */
    int sid;
    int pgrp;
    /** Output stopped by STOP (IXON) or tcflow(TCOOFF), until START. */
    private boolean outputStopped;
    /** When the last character arrived, for TIME between characters. */
    private long lastArrival;
    private final Object readers = new Object();
    private final Object writers = new Object();

    Tty(String name, Line line, Sessions sessions, long clockHz, Termios initial) {
        this.name = name;
        this.line = line;
        this.sessions = sessions;
        this.engine = sessions.engine();
        this.cyclesPerTenth = Math.max(1, clockHz / 10);
        this.termios = initial;
        sessions.register(this);
    }

    Termios termios() {
        return termios;
    }

    InputQueue input() {
        return input;
    }

    // ---- from the line: characters arrive, or the line is asked for what it sends

    /** Characters arrived from the line; {@code echoed} when the host's terminal showed them already. */
    public void receive(byte[] b, int off, int len, boolean echoed) {
        for (int i = off; i < off + len; i++) ldisc.input(b[i] & 0xff, echoed);
    }

    void inputArrived() {
        lastArrival = engine.now();
        engine.wakeup(readers);
    }

    void transmit(byte[] processed) {
        if (processed.length > 0) line.transmit(processed, 0, processed.length);
    }

    void signalForeground(int sig) {
        sessions.signalForeground(this, sig);
        engine.wakeup(readers);
    }

    void stopOutput(boolean stop) {
        outputStopped = stop;
        if (!stop) engine.wakeup(writers);
    }

    /** The line's input ended (the host's): readers waiting find end of file. */
    public void ended() {
        engine.wakeup(readers);
    }

    // ---- the driver's entry points

    void open(int fflag) {
        sessions.opened(this, (fflag & Fcntl.O_NOCTTY) != 0);
    }

    /** read(2), as termio(7) gives it for canonical and non-canonical (MIN and TIME) input. */
    int read(byte[] buf, int off, int len, int fflag) {
        if (len == 0) return 0;
        long start = engine.now();
        while (true) {
            sessions.mayRead(this);
            Termios t = termios;
            long deadline = -1;
            if (t.local(ICANON)) {
                if (input.lineReady()) return input.takeLine(buf, off, len);
                if (line.ended()) return 0;
            } else {
                int min = t.cc(VMIN);
                long time = t.cc(VTIME) * cyclesPerTenth;
                int have = input.rawCount();
                if (min > 0 && have >= Math.min(min, len)) return input.takeRaw(buf, off, len);
                if (min == 0 && have > 0) return input.takeRaw(buf, off, len);
                if (line.ended()) return input.takeRaw(buf, off, len);
                if (time > 0) {
                    // MIN > 0: the timer runs between characters, from the first; MIN = 0: from the read.
                    if (min > 0 && have > 0) deadline = lastArrival + time;
                    if (min == 0) deadline = start + time;
                    if (deadline >= 0 && engine.now() >= deadline) return input.takeRaw(buf, off, len);
                } else if (min == 0) {
                    if (!line.pull(this)) return 0;
                    continue;
                }
            }
            // More typed now, or the input just ended: look again.
            if (line.pull(this) || line.ended()) continue;
            if ((fflag & Fcntl.O_NONBLOCK) != 0) throw ErrnoException.of(Errno.EAGAIN);
            if ((fflag & Fcntl.O_NDELAY) != 0) return 0;
            line.waiting(this, t.local(ICANON) && t.local(Termios.ECHO));
            Event timer = deadline < 0 ? null : engine.callout(deadline, () -> engine.wakeup(readers));
            int r = engine.sleep(readers, true);
            if (timer != null) engine.cancel(timer);
            if (r != 0) throw ErrnoException.of(r);
        }
    }

    /** write(2): output processing, after terminal access control (TOSTOP); sleeps while output is stopped. */
    int write(byte[] buf, int off, int len, int fflag) {
        if ((termios.lflag() & Termios.TOSTOP) != 0) sessions.mayWrite(this);
        while (outputStopped) {
            if ((fflag & (Fcntl.O_NONBLOCK | Fcntl.O_NDELAY)) != 0) throw ErrnoException.of(Errno.EAGAIN);
            int r = engine.sleep(writers, true);
            if (r != 0) throw ErrnoException.of(r);
        }
        if ((termios.lflag() & Termios.FLUSHO) == 0) transmit(ldisc.process(buf, off, len));
        ldisc.outputWritten();
        return len;
    }

    /** The terminal's control requests (SVR4's TCGETS, TCSETS... of termio(7); tcgetattr(3C) and its relatives). */
    int ioctl(int cmd, Object arg) {
        switch (cmd) {
            case Ioctl.TCGETS -> {
                Termios[] out = (Termios[]) arg;
                out[0] = termios;
                return 0;
            }
            case Ioctl.TCSETS, Ioctl.TCSETSW, Ioctl.TCSETSF -> {
                Termios t = (Termios) arg;
                sessions.control(this);
                if (cmd == Ioctl.TCSETSF) input.flush();
                boolean canonical = t.local(ICANON);
                if (canonical != termios.local(ICANON)) input.switchMode(canonical);
                termios = t;
                engine.wakeup(readers);
                return 0;
            }
            case Ioctl.TIOCGPGRP -> {
                sessions.requireControlling(this);
                ((int[]) arg)[0] = pgrp;
                return 0;
            }
            case Ioctl.TIOCSPGRP -> {
                sessions.setForeground(this, ((int[]) arg)[0]);
                return 0;
            }
            case Ioctl.TIOCGSID -> {
                sessions.requireControlling(this);
                ((int[]) arg)[0] = sid;
                return 0;
            }
            case Ioctl.TIOCSCTTY -> {
                int[] a = (int[]) arg;
                sessions.setControlling(this, a != null && a.length > 0 && a[0] == 1);
                return 0;
            }
            case Ioctl.TIOCNOTTY -> {
                sessions.dropControlling(this);
                return 0;
            }
            case Ioctl.TCFLSH -> {
                int queue = ((int[]) arg)[0];
                if (queue < Termios.TCIFLUSH || queue > Termios.TCIOFLUSH) throw ErrnoException.of(Errno.EINVAL);
                sessions.control(this);
                if (queue != Termios.TCOFLUSH) input.flush();
                return 0;
            }
            case Ioctl.TCSBRK -> {
                // tcdrain(3C): output is never held back here once written, so there is nothing to wait for.
                sessions.control(this);
                return 0;
            }
            case Ioctl.TCXONC -> {
                int action = ((int[]) arg)[0];
                sessions.control(this);
                switch (action) {
                    case Termios.TCOOFF -> stopOutput(true);
                    case Termios.TCOON -> stopOutput(false);
                    case Termios.TCIOFF -> transmit(new byte[] {(byte) termios.cc(Termios.VSTOP)});
                    case Termios.TCION -> transmit(new byte[] {(byte) termios.cc(Termios.VSTART)});
                    default -> throw ErrnoException.of(Errno.EINVAL);
                }
                return 0;
            }
            case Ioctl.FIONREAD -> {
                ((int[]) arg)[0] = input.readable(termios.local(ICANON));
                return 0;
            }
            default -> throw ErrnoException.of(Errno.EINVAL);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
