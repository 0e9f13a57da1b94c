package sprocket.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import sprocket.kernel.Kernel;
import sprocket.kernel.RunProgress;

/**
 * Runs a comparison's simulations, up to {@code jobs} at once, each on a platform thread of its own (a simulation is
 * single-threaded: its processes are coroutines on that thread), and reports how far they have got.
 */
public final class Runs {
    private final List<Variant> variants;
    private final AtomicInteger done = new AtomicInteger();
    private final Map<Integer, Kernel> running = new ConcurrentSkipListMap<>();

    public Runs(List<Variant> variants) {
        this.variants = List.copyOf(variants);
    }

    /**
     * Runs every variant through {@code run} on {@code jobs} threads and returns the outcomes in the variants' order.
     * {@code run} is handed a callback to announce its booted kernel, so that {@link #progress} can read it.
     */
    public List<Outcome> run(int jobs, Function<Variant, Outcome> run) {
        int threads = Math.max(1, Math.min(jobs, variants.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("sprocket-compare-", 1).daemon().factory());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Variant v : variants) {
                futures.add(pool.submit(() -> {
                    try {
                        return run.apply(v);
                    } finally {
                        running.remove(v.index());
                        done.incrementAndGet();
                    }
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(futures.get(i), variants.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tells {@link #progress} that {@code v}'s kernel is booted and about to run. */
    public void booted(Variant v, Kernel kernel) {
        running.put(v.index(), kernel);
    }

    private static Outcome await(Future<Outcome> f, Variant v) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(v, Outcome.Kind.ERROR, -1, "interrupted", null, "");
        } catch (ExecutionException e) {
            return new Outcome(v, Outcome.Kind.ERROR, -1, String.valueOf(e.getCause()), null, "");
        }
    }

    /**
     * One line on how far the comparison has got: runs done, and each running one's simulated time. Read from
     * another thread; it reads the kernels' clocks without stopping them (docs: {@link Kernel#progress}).
     */
    public String progress() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "compare: %d of %d runs done",
                done.get(), variants.size()));
        int shown = 0;
        for (Map.Entry<Integer, Kernel> e : running.entrySet()) {
            RunProgress p = e.getValue().progress();
            b.append(shown == 0 ? "; running: " : ", ").append(variants.get(e.getKey()).label())
                    .append(String.format(Locale.ROOT, " at %.4f s", p.seconds()));
            if (++shown == 2 && running.size() > 2) {
                b.append(" and ").append(running.size() - 2).append(" more");
                break;
            }
        }
        return b.toString();
    }
}
