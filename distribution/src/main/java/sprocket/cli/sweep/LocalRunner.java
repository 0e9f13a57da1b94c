package sprocket.cli.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs the runs of a sweep its results folder lacks, up to {@code jobs} at once, each on a platform thread of its own
 * (a simulation is single-threaded), handing each row to the results as it finishes.
 */
public final class LocalRunner {
    private final Sweep sweep;
    private final Results results;
    private final LongSupplier nanos;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long started;
    private volatile int toRun;

    public LocalRunner(Sweep sweep, Results results, LongSupplier nanos) {
        this.sweep = sweep;
        this.results = results;
        this.nanos = nanos;
        this.toRun = sweep.runs().size() - results.count();
    }

    /** Runs what is missing on {@code jobs} threads; returns how many of those runs did not succeed. */
    public int run(int jobs) throws IOException {
        List<SweepRun> missing = new ArrayList<>();
        for (SweepRun r : sweep.runs()) if (!results.has(r.index())) missing.add(r);
        toRun = missing.size();
        started = nanos.getAsLong();
        if (missing.isEmpty()) {
            results.finish();
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, missing.size())),
                Thread.ofPlatform().name("sprocket-sweep-", 1).daemon().factory());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepRun r : missing) {
                futures.add(pool.submit(() -> {
                    Map<String, Object> row = sweep.row(r);
                    if (!"ok".equals(row.get("outcome"))) failed.incrementAndGet();
                    try {
                        results.add(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    finished.incrementAndGet();
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            results.finish();
        }
        return failed.get();
    }

    /** {@code sweep: 37 of 200 runs done, 2 failed, about 1m20s left}: for the progress line. */
    public String progress() {
        return line(sweep.runs().size(), toRun, finished.get(), failed.get(), nanos.getAsLong() - started);
    }

    /**
     * The progress line of a sweep of {@code total} runs, {@code toRun} of them run by this invocation, {@code now} of
     * those done ({@code failed} without success) in {@code elapsed} nanoseconds: the time left at that rate.
     */
    static String line(int total, int toRun, int now, int failed, long elapsed) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sweep: %d of %d runs done", total - toRun + now,
                total));
        if (failed > 0) b.append(", ").append(failed).append(" failed");
        if (now > 0 && now < toRun) {
            long left = elapsed / now * (toRun - now) / 1_000_000_000L;
            b.append(left >= 60 ? String.format(Locale.ROOT, ", about %dm%02ds left", left / 60, left % 60)
                    : String.format(Locale.ROOT, ", about %ds left", left));
        }
        return b.toString();
    }

    /** How many runs this invocation ran. */
    public int ran() {
        return finished.get();
    }
}
