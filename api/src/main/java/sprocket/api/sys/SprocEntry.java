package sprocket.api.sys;

/**
 * Where a process made by sproc(2) or sprocsp(2) starts: {@code entry(arg)} or {@code entry(arg, stksize)} in C.
 * Returning is exit(2) with the returned status, as returning from a fork(2) child's {@link ProcessEntry} is.
 */
@FunctionalInterface
public interface SprocEntry {

    /**
     * Runs the new member. {@code stksize} is sprocsp's {@code len} (for sproc, RLIMIT_STACK's soft value, which sproc
     * passes as {@code len}); the new stack's top is {@link UserCpu#stackPointer()}.
     */
    int run(Sys sys, long arg, long stksize);
}
