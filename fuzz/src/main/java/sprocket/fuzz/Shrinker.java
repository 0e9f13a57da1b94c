package sprocket.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import sprocket.fuzz.prog.Call;
import sprocket.fuzz.prog.Prog;

/**
 * Makes a failing program smaller while it still fails the same way: first the calls after the trouble go (the
 * shortest prefix that still fails, by bisection), then delta debugging (Zeller and Hildebrandt, "Simplifying and
 * Isolating Failure-Inducing Input") on each list of calls, outermost first, and the bodies of what is left. Each
 * attempt is a whole run, so the attempts are bounded.
 */
final class Shrinker {
    private final Predicate<Prog> stillFails;
    private final int budget;
    private int attempts;

    private Shrinker(Predicate<Prog> stillFails, int budget) {
        this.stillFails = stillFails;
        this.budget = budget;
    }

    /** The smallest program found, within {@code budget} runs, for which {@code stillFails} holds; {@code prog} at worst. */
    static Prog shrink(Prog prog, Predicate<Prog> stillFails, int budget) {
        Shrinker s = new Shrinker(stillFails, budget);
        Prog p = s.prefix(prog);
        p = p.withCalls(s.list(p, p.calls(), List.of()));
        return p;
    }

    /** Runs spent. */
    private boolean spent() {
        return attempts >= budget;
    }

    private boolean fails(Prog p) {
        attempts++;
        return stillFails.test(p);
    }

    /** The shortest prefix of the first process's calls that still fails, by bisection. */
    private Prog prefix(Prog prog) {
        List<Call> calls = prog.calls();
        int lo = 1;
        int hi = calls.size();
        while (lo < hi && !spent()) {
            int mid = (lo + hi) >>> 1;
            Prog cut = prog.withCalls(calls.subList(0, mid));
            if (fails(cut)) hi = mid;
            else lo = mid + 1;
        }
        return hi < calls.size() ? prog.withCalls(calls.subList(0, hi)) : prog;
    }

    /**
     * ddmin over {@code list}, which sits at {@code where} (a path of indices) in the program {@code whole}; then each
     * kept call's body likewise. Returns the new list.
     */
    private List<Call> list(Prog whole, List<Call> list, List<Integer> where) {
        List<Call> current = new ArrayList<>(list);
        Prog program = whole;
        int chunk = Math.max(1, current.size() / 2);
        while (chunk >= 1 && !spent() && !current.isEmpty()) {
            boolean removed = false;
            for (int start = 0; start < current.size() && !spent(); ) {
                List<Call> attempt = new ArrayList<>(current.subList(0, start));
                attempt.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                Prog candidate = replace(program, where, attempt);
                if (fails(candidate)) {
                    current = attempt;
                    program = candidate;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) chunk /= 2;
        }
        for (int i = 0; i < current.size() && !spent(); i++) {
            Call c = current.get(i);
            if (c.body().isEmpty()) continue;
            List<Integer> inner = new ArrayList<>(where);
            inner.add(i);
            List<Call> body = list(program, c.body(), inner);
            current.set(i, c.withBody(body));
            program = replace(program, where, current);
        }
        return current;
    }

    /** {@code prog} with the list at {@code where} replaced by {@code list}. */
    static Prog replace(Prog prog, List<Integer> where, List<Call> list) {
        return prog.withCalls(replace(prog.calls(), where, 0, list));
    }

    private static List<Call> replace(List<Call> calls, List<Integer> where, int depth, List<Call> list) {
        if (depth == where.size()) return list;
        List<Call> out = new ArrayList<>(calls);
        int i = where.get(depth);
        Call c = out.get(i);
        out.set(i, c.withBody(replace(c.body(), where, depth + 1, list)));
        return out;
    }
}
