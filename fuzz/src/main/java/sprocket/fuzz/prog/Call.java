package sprocket.fuzz.prog;

import java.util.List;

/**
 * One step of a generated program: an op, the seed every argument of it is drawn from when it runs (so the same call
 * in the same state does the same thing, and removing other calls never changes how this one is drawn), and for an op
 * that starts another program (a child, a new image, a signal handler) the calls that program makes.
 */
public record Call(Op op, long seed, List<Call> body) {

    public Call {
        body = List.copyOf(body);
    }

    /** A call with no body. */
    public Call(Op op, long seed) {
        this(op, seed, List.of());
    }

    /** This call and every call in its body, however deep. */
    public int size() {
        return 1 + size(body);
    }

    /** The calls of {@code calls} and of their bodies. */
    public static int size(List<Call> calls) {
        int n = 0;
        for (Call c : calls) n += c.size();
        return n;
    }

    /** The same call with another body. */
    public Call withBody(List<Call> newBody) {
        return new Call(op, seed, newBody);
    }
}
