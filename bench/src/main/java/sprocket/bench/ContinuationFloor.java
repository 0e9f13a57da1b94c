package sprocket.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The floor under figure 9: the JVM's own coroutine switch (one {@code Continuation.run} and one
 * {@code Continuation.yield}) with N continuations alive, no kernel at all. Each continuation yields from
 * {@link #DEPTH} frames down, about the depth of a process preempted in user mode, and writes one word of an
 * object of its own before each yield, as a process's first touch of its state would. They are resumed round
 * robin, either in the order they were made (neighbours in memory, which the host's prefetchers follow) or in a
 * fixed shuffled order (each resume a different place in the heap, as a scheduler's order becomes).
 */
final class ContinuationFloor {
    /** Frames under each yield. */
    static final int DEPTH = 20;
    static final int[] SIZES = {2, 1_000, 10_000, 100_000};

    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;

    static {
        Object scope = null;
        MethodHandle create = null;
        MethodHandle run = null;
        MethodHandle yield = null;
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            if (contClass.getModule().isExported("jdk.internal.vm", ContinuationFloor.class.getModule())) {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                        .invoke("floor");
                create = lookup.findConstructor(contClass, MethodType.methodType(void.class, scopeClass,
                        Runnable.class)).asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
            }
        } catch (Throwable e) {
            create = null;
        }
        SCOPE = scope;
        NEW = create;
        RUN = run;
        YIELD = yield;
    }

    /** A continuation's own state, touched once a resume. */
    static final class State {
        long resumes;
    }

    private final Harness h;

    ContinuationFloor(Harness h) {
        this.h = h;
    }

    void run() {
        if (NEW == null) {
            h.out().println("floor   jdk.internal.vm is not exported to sprocket.bench: run through bench/run.sh");
            return;
        }
        long switches = h.scaled(2_000_000);
        for (boolean shuffled : new boolean[] {false, true}) {
            for (int n : SIZES) {
                long[] ns = new long[h.runs()];
                for (int r = -h.warmup(); r < h.runs(); r++) {
                    long t = timed(n, Math.max(switches, 3L * n), shuffled);
                    if (r >= 0) ns[r] = t;
                }
                long total = Math.max(switches, 3L * n);
                h.out().printf(Locale.ROOT, "floor   %-8s N=%-6d ns per run+yield median %.1f min %.1f%n",
                        shuffled ? "shuffled" : "in-order", n, Harness.median(ns) / (double) total,
                        Harness.min(ns) / (double) total);
            }
        }
    }

    private long timed(int n, long switches, boolean shuffled) {
        try {
            return once(n, switches, shuffled);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code n} continuations, freezes each once, then times {@code switches} resumes of them. */
    private long once(int n, long switches, boolean shuffled) throws Throwable {
        Object[] cs = new Object[n];
        for (int i = 0; i < n; i++) {
            State s = new State();
            cs[i] = (Object) NEW.invokeExact(SCOPE, (Runnable) () -> descend(DEPTH, s));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (shuffled) {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
        }
        for (Object c : cs) RUN.invokeExact(c);
        long start = h.now();
        int i = 0;
        for (long done = 0; done < switches; done++) {
            RUN.invokeExact(cs[order[i]]);
            if (++i == n) i = 0;
        }
        return h.now() - start;
    }

    private static void descend(int depth, State s) {
        if (depth > 0) {
            descend(depth - 1, s);
            return;
        }
        try {
            while (true) {
                s.resumes++;
                boolean yielded = (boolean) YIELD.invokeExact(SCOPE);
                if (!yielded) throw new IllegalStateException("pinned");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
