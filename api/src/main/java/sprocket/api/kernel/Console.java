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
}
