package sprocket.kernel.tty;

/**
 * What lies below a terminal's line discipline, as a serial line or a pseudo-terminal's master lies below ldterm: it
 * takes the characters the terminal sends and hands it the ones that arrive.
 */
interface Line {

    /** Sends output, already processed (OPOST), to the device. Never sleeps. */
    void transmit(byte[] b, int off, int len);

    /**
     * A reader found too little input: the line may fetch more at once (a script on the host is read on demand, so a
     * scripted session repeats exactly). Returns whether it handed the terminal anything.
     */
    boolean pull(Tty tty);

    /** A reader is about to sleep for input; {@code line} when it waits for a canonical line with echo. */
    void waiting(Tty tty, boolean line);

    /** No more input will ever arrive (the host's input ended): reads find end of file once the queue is empty. */
    boolean ended();
}
