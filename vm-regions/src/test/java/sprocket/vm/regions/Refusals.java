package sprocket.vm.regions;

import java.util.function.LongSupplier;
import sprocket.api.ErrnoException;

/** What a memory-manager call that must fail fails with: the errno of the ErrnoException it throws. */
final class Refusals {
    private Refusals() {
    }

    /** The errno {@code call} fails with; an AssertionError when it succeeds. */
    static int errno(Runnable call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            return e.errno();
        }
        throw new AssertionError("the call succeeded; it should have failed");
    }

    /**
     * The call's value, or its errno negated when it fails: one number a random workload checks against its model
     * (addresses are never negative).
     */
    static long result(LongSupplier call) {
        try {
            return call.getAsLong();
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    /** 0 when {@code call} succeeds, else its errno negated, as {@link #result}. */
    static int status(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }
}
