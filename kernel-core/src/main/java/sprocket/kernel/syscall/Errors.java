package sprocket.kernel.syscall;

import sprocket.kernel.proc.Proc;

/** How a system call fails: -1 in the result register and the errno in the trap frame, as a real trap returns it. */
final class Errors {
    private Errors() {
    }

    /** Fails the call: -1, with {@code errno} for the process once it is back in user mode. */
    static int fail(Proc p, int errno) {
        p.frame.error = errno;
        return -1;
    }

    /** A call that answers an object: {@code value} in the frame for the stub. */
    static int answer(Proc p, Object value) {
        p.frame.rv = value;
        return 0;
    }
}
