package sprocket.kernel.proc;

/** Unwinds the old image's Java stack after a successful exec(2); the new program then starts from its main. */
public final class ExecUnwind extends Error {
    private static final long serialVersionUID = 1L;
    public static final ExecUnwind INSTANCE = new ExecUnwind();

    private ExecUnwind() {
        super("exec", null, false, false);
    }
}
