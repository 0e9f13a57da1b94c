package sprocket.kernel.proc;

/**
 * Unwinds a process's Java stack once exit(2) (or a fatal signal) has done the kernel's work: a process's stack
 * cannot outlive it. Stackless, since it is control flow, not an error.
 */
public final class ProcessExit extends Error {
    private static final long serialVersionUID = 1L;
    public static final ProcessExit INSTANCE = new ProcessExit();

    private ProcessExit() {
        super("process exit", null, false, false);
    }
}
