package sprocket.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import sprocket.kernel.RunProgress;

/**
 * A one-line progress display on standard error while a long run goes on: a spinner, the simulated time, the
 * processes alive and the wall time, redrawn in place with a carriage return. It appears only after {@link #DELAY_NANOS}
 * so short runs show nothing, is erased before anything else is written to the same terminal, and only reads what the
 * kernel offers for it, so the simulation runs exactly as without it.
 */
final class ProgressLine implements AutoCloseable {

    /** Runs shorter than this show no progress at all. */
    static final long DELAY_NANOS = 1_000_000_000L;
    private static final long PERIOD_MILLIS = 200;
    private static final int MAX_WIDTH = 79;
    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private final PrintStream err;
    private final LongSupplier wallNanos;
    private Supplier<String> source;
    private final long started;
    private Thread ticker;
    private int shown;
    private int turn;
    private boolean closed;

    /** A line on {@code err}, its wall time read from {@code wallNanos}; it shows nothing until it watches a run. */
    ProgressLine(PrintStream err, LongSupplier wallNanos) {
        this.err = err;
        this.wallNanos = wallNanos;
        this.started = wallNanos.getAsLong();
    }

    /** From now on each {@link #tick} shows what {@code source} says of a run. */
    synchronized ProgressLine watch(Supplier<RunProgress> source) {
        this.source = () -> {
            RunProgress p = source.get();
            return String.format(Locale.ROOT, "simulated %.6f s (%,d cycles), %,d processes", p.seconds(), p.cycles(),
                    p.processes());
        };
        return this;
    }

    /** Watches {@code source} and redraws the line from a daemon thread of its own, a few times a second. */
    ProgressLine start(Supplier<RunProgress> source) {
        watch(source);
        return startTicking();
    }

    /** As {@link #start}, the line saying what {@code text} says (and the wall time). */
    ProgressLine startText(Supplier<String> text) {
        synchronized (this) {
            this.source = text;
        }
        return startTicking();
    }

    private ProgressLine startTicking() {
        ticker = Thread.ofPlatform().daemon().name("sprocket-progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(PERIOD_MILLIS);
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return this;
    }

    /** Redraws the line, once the run has lasted {@link #DELAY_NANOS}. */
    synchronized void tick() {
        long wall = wallNanos.getAsLong() - started;
        if (closed || source == null || wall < DELAY_NANOS) return;
        String text = String.format(Locale.ROOT, "%c %s, %.1f s", SPINNER[turn++ % SPINNER.length], source.get(),
                wall / 1e9);
        // A line longer than a terminal's width would wrap, and the carriage return would no longer erase it.
        if (text.length() > MAX_WIDTH) text = text.substring(0, MAX_WIDTH - 3) + "...";
        // Spaces cover what a longer previous line left.
        err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        err.flush();
        shown = text.length();
    }

    /** Erases the line, if one is shown, so that the next output starts on a clean line. */
    synchronized void erase() {
        if (shown == 0) return;
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
    }

    /** {@code out} with the line erased before each write, for output that shares the terminal. */
    OutputStream guard(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                erase();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                erase();
                out.write(b, off, len);
            }
        };
    }

    /** Stops redrawing and erases the line. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        erase();
    }
}
