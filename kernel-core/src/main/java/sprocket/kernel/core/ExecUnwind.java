package sprocket.kernel.core;

/** Unwinds the old image's Java stack after a successful exec(2); the new program then starts from its main. */
final class ExecUnwind extends Error {
    private static final long serialVersionUID = 1L;
    static final ExecUnwind INSTANCE = new ExecUnwind();

    private ExecUnwind() {
        super("exec", null, false, false);
    }
}
