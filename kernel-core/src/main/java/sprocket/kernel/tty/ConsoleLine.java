package sprocket.kernel.tty;

import static sprocket.api.sys.Termios.ISIG;
import static sprocket.api.sys.Termios.VINTR;
import static sprocket.api.sys.Termios.VQUIT;
import static sprocket.api.sys.Termios.VSUSP;
import static sprocket.api.sys.Termios.VEOF;

import java.util.Arrays;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.Keyboard;
import sprocket.api.sys.Termios;
import sprocket.kernel.engine.Engine;

/**
 * The console's line: the host's screen and its keyboard or script. Output goes to the host as it is written. Input
 * comes one of two ways. A person's keys arrive while the machine runs: the line takes them at every clock tick and,
 * when the machine is idle, waits for them in wall time (so an idle machine keeps a person's pace, and a sleep of ten
 * seconds takes ten). A script is read as a person would type it, so a scripted session repeats exactly: a line at a
 * time when a program waits to read and nothing is left to read, and a signal character (^C, ^\, ^Z) as soon as
 * the machine is idle, as a person presses ^C at a command that waits.
 */
final class ConsoleLine implements Line, Engine.IdleHook {
    private final Console console;
    private final Keyboard keyboard;
    private final Engine engine;
    private final long clockHz;
    private final long tick;
    private Tty tty;
    private boolean ended;
    /** Script bytes read from the host and not yet typed. */
    private byte[] pending = new byte[0];
    private int pendingOff;

    ConsoleLine(Console console, Engine engine, long clockHz, long tickCycles) {
        this.console = console;
        this.keyboard = console.keyboard();
        this.engine = engine;
        this.clockHz = clockHz;
        this.tick = tickCycles;
    }

    /** The terminal above; the line starts listening to the host. */
    void attach(Tty t) {
        this.tty = t;
        engine.onIdle(this);
        if (keyboard != null) engine.callout(tick, this::poll);
    }

    @Override
    public void transmit(byte[] b, int off, int len) {
        console.write(b, off, len);
    }

    @Override
    public boolean pull(Tty t) {
        if (ended) return false;
        if (keyboard != null) return deliver(keyboard.take(0));
        byte[] chunk = nextChunk();
        if (chunk == null) return false;
        t.receive(chunk, 0, chunk.length, false);
        return true;
    }

    @Override
    public void waiting(Tty t, boolean line) {
        if (keyboard != null) keyboard.waiting(line);
    }

    @Override
    public boolean ended() {
        return ended;
    }

    // ---- a person's keyboard

    /** A clock tick's look at the keyboard (SVR4's console interrupt, polled). */
    private void poll() {
        deliver(keyboard.take(0));
        if (!ended) engine.callout(engine.now() + tick, this::poll);
    }

    private boolean deliver(Keyboard.Keys keys) {
        if (keys == null) return false;
        if (keys == Keyboard.Keys.END || keys.bytes().length == 0) {
            end();
            return false;
        }
        byte[] b = keys.bytes();
        tty.receive(b, 0, b.length, keys.echoed());
        return true;
    }

    private void end() {
        ended = true;
        tty.ended();
    }

    @Override
    public long idle(long now, long next) {
        if (ended) return -1;
        if (keyboard != null) return waitForKeys(now, next);
        byte[] chunk = peekSignal();
        if (chunk == null) return -1;
        engine.callout(now, () -> tty.receive(chunk, 0, chunk.length, false));
        return now;
    }

    /** The machine has nothing to do until {@code next}: wait that long in wall time for the person to type. */
    private long waitForKeys(long now, long next) {
        long gap = next == Long.MAX_VALUE ? Long.MAX_VALUE : next - now;
        long nanos = gap == Long.MAX_VALUE || gap > Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE
                : gap * 1_000_000_000L / clockHz;
        if (nanos <= 0) return -1;
        long start = System.nanoTime();
        Keyboard.Keys keys = keyboard.take(nanos);
        if (keys == null) return -1;
        long waited = (System.nanoTime() - start) * clockHz / 1_000_000_000L;
        long at = now + Math.max(0, Math.min(gap, waited));
        engine.callout(at, () -> deliver(keys));
        return at;
    }

    // ---- a script

    /** The next thing typed: a line, or a signal or end-of-file character alone; null at the end of the script. */
    private byte[] nextChunk() {
        if (!fill()) return null;
        Termios t = tty.termios();
        int start = pendingOff;
        int i = start;
        if (special(t, pending[i] & 0xff)) {
            i++;
        } else {
            // To the end of the line, or of what the host has handed over so far (the rest comes next time).
            while (i < pending.length && !special(t, pending[i] & 0xff) && pending[i] != '\n') i++;
            if (i < pending.length && pending[i] == '\n') i++;
        }
        pendingOff = i;
        return Arrays.copyOfRange(pending, start, i);
    }

    /** The next thing typed if it is a signal character the terminal acts on (ISIG), taken; else null. */
    private byte[] peekSignal() {
        if (!fill()) return null;
        Termios t = tty.termios();
        int c = pending[pendingOff] & 0xff;
        if (!t.local(ISIG) || !(is(t, VINTR, c) || is(t, VQUIT, c) || is(t, VSUSP, c))) return null;
        pendingOff++;
        return new byte[] {(byte) c};
    }

    private static boolean special(Termios t, int c) {
        return t.local(ISIG) && (is(t, VINTR, c) || is(t, VQUIT, c) || is(t, VSUSP, c))
                || t.local(Termios.ICANON) && is(t, VEOF, c);
    }

    private static boolean is(Termios t, int index, int c) {
        int v = t.cc(index);
        return v != 0 && v == c;
    }

    /** Some script bytes are waiting (read from the host if none were); false at its end. */
    private boolean fill() {
        if (pendingOff < pending.length) return true;
        byte[] b = new byte[4096];
        int n = console.read(b, 0, b.length);
        if (n <= 0) {
            end();
            return false;
        }
        pending = Arrays.copyOf(b, n);
        pendingOff = 0;
        return true;
    }
}
