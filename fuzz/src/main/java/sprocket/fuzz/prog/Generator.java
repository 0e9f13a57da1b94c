package sprocket.fuzz.prog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a program from a seed: workers (the first list's calls, each a process the supervisor forks) of a few to a few
 * hundred calls each, ops picked by weight, each with a seed of its own for its arguments, until the budget of calls is
 * spent. A call that starts a child or a new image takes part of what is left for that list, so a budget of N calls is
 * N calls in all, spread over a tree of processes; a signal handler gets a few calls.
 */
public final class Generator {
    /** How deep children of children may go; a call starting a process below it starts one that exits at once. */
    static final int MAX_DEPTH = 6;
    /** The most calls a signal handler makes. */
    static final int HANDLER_CALLS = 3;
    /** The fewest and the most calls a worker makes, its children's included. */
    static final int WORKER_MIN = 10;
    static final int WORKER_MAX = 200;
    /** The most calls a vfork(2) child makes before it execs or exits: it borrows its parent's memory meanwhile. */
    static final int VFORK_CALLS = 4;

    private static final Op[] OPS = Op.values();
    private static final int[] CUMULATIVE = new int[OPS.length];
    private static final int TOTAL;

    static {
        int sum = 0;
        for (int i = 0; i < OPS.length; i++) {
            sum += OPS[i].weight();
            CUMULATIVE[i] = sum;
        }
        TOTAL = sum;
    }

    private final SplittableRandom random;

    private Generator(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** The program for {@code seed}, of {@code calls} calls (a few more when a handler's or a child's end past it). */
    public static Prog generate(long seed, int calls) {
        Generator g = new Generator(seed);
        // Most seeds fuzz as an ordinary user, as the programs that found panics from outside did; some as root.
        int uid = g.random.nextInt(4) == 0 ? 0 : 100 + g.random.nextInt(3);
        boolean catches = g.random.nextInt(4) != 0;
        List<Call> workers = new ArrayList<>();
        int left = Math.max(1, calls);
        while (left > 0) {
            int share = Math.min(left, WORKER_MIN + g.random.nextInt(WORKER_MAX - WORKER_MIN + 1));
            List<Call> body = g.list(share, 1);
            workers.add(new Call(Op.FORK, g.random.nextLong(), body));
            left -= Call.size(body);
        }
        return new Prog(uid, catches, workers);
    }

    private List<Call> list(int budget, int depth) {
        List<Call> out = new ArrayList<>();
        int left = budget;
        while (left > 0) {
            Op op = pick();
            // exit(2) ends a list, so that no call is generated after it.
            left--;
            if (op == Op.EXIT) {
                out.add(new Call(op, random.nextLong()));
                break;
            }
            List<Call> body = List.of();
            switch (op.kind()) {
                case CHILD, IMAGE -> {
                    if (depth < MAX_DEPTH && left > 0) {
                        int share = op == Op.VFORK ? Math.min(left, 1 + random.nextInt(VFORK_CALLS))
                                : 1 + random.nextInt(Math.max(1, left / 2));
                        body = list(share, depth + 1);
                        left -= Call.size(body);
                    }
                }
                case HANDLER -> {
                    int n = Math.min(left, random.nextInt(HANDLER_CALLS + 1));
                    List<Call> h = new ArrayList<>();
                    for (int i = 0; i < n; i++) h.add(new Call(plain(), random.nextLong()));
                    body = h;
                    left -= n;
                }
                default -> {
                }
            }
            out.add(new Call(op, random.nextLong(), body));
        }
        return out;
    }

    private Op pick() {
        int x = random.nextInt(TOTAL);
        int lo = 0;
        int hi = OPS.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CUMULATIVE[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return OPS[lo];
    }

    /** An op with no body, for a handler (which does not exit: a handler's list ends when it returns). */
    private Op plain() {
        while (true) {
            Op op = pick();
            if (op.kind() == Op.Kind.PLAIN && op != Op.EXIT) return op;
        }
    }
}
