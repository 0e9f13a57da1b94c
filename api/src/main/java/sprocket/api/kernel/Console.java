package sprocket.api.kernel;

/**
 * The host end of {@code /dev/console}: what the simulated console writes reaches the command's standard
 * output, in order, and what it reads comes from the command's standard input.
 */
public interface Console {

    /** Writes bytes to the host; never blocks in simulated time. */
    void write(byte[] b, int off, int len);

    /** Reads up to {@code len} bytes from the host; returns 0 at end of input. */
    int read(byte[] b, int off, int len);

    /**
     * Whether /dev/console is a terminal, with the kernel's line discipline, sessions and job control: what a person
     * uses, or a script read as a person would type it. When false it is the host's streams as they are, not a
     * terminal to isatty(3C), as a run whose standard input is a file or a pipe wants it.
     */
    default boolean terminal() {
        return false;
    }

    /**
     * The keyboard of a person at the host's terminal, whose keys arrive while the machine runs; null when the console's
     * input is a script, read with {@link #read} a line at a time as the simulated terminal asks for it.
     */
    default Keyboard keyboard() {
        return null;
    }
}
