package sprocket.kernel.proc;

/**
 * A process's trap frame: the arguments of the system call it makes, as the registers of a real trap hold them
 * (integers in {@code a0..a5}, references to the caller's objects in {@code o0..o2}), the object a call returns in
 * {@link #rv}, and the error it fails with. The system-call stubs fill it; the dispatcher and the table's handlers
 * read it; a tracer prints it.
 */
public final class TrapFrame {
    public long a0;
    public long a1;
    public long a2;
    public long a3;
    public long a4;
    public long a5;
    public Object o0;
    public Object o1;
    public Object o2;
    /** A call's object result (stat's Stat, getcwd's path...), taken by the stub. */
    public Object rv;
    /** The errno the call failed with, or 0. */
    public int error;

    public TrapFrame a(long x0) {
        a0 = x0;
        return this;
    }

    public TrapFrame a(long x0, long x1) {
        a0 = x0;
        a1 = x1;
        return this;
    }

    public TrapFrame a(long x0, long x1, long x2) {
        a0 = x0;
        a1 = x1;
        a2 = x2;
        return this;
    }

    public TrapFrame a(long x0, long x1, long x2, long x3) {
        a0 = x0;
        a1 = x1;
        a2 = x2;
        a3 = x3;
        return this;
    }

    public TrapFrame a(long x0, long x1, long x2, long x3, long x4) {
        a(x0, x1, x2, x3);
        a4 = x4;
        return this;
    }

    public TrapFrame a(long x0, long x1, long x2, long x3, long x4, long x5) {
        a(x0, x1, x2, x3, x4);
        a5 = x5;
        return this;
    }

    public TrapFrame o(Object x0) {
        o0 = x0;
        return this;
    }

    public TrapFrame o(Object x0, Object x1) {
        o0 = x0;
        o1 = x1;
        return this;
    }

    public TrapFrame o(Object x0, Object x1, Object x2) {
        o0 = x0;
        o1 = x1;
        o2 = x2;
        return this;
    }

    /** Forgets the caller's objects once the call is over, so the frame keeps nothing alive. */
    public void clear() {
        o0 = null;
        o1 = null;
        o2 = null;
        rv = null;
    }
}
