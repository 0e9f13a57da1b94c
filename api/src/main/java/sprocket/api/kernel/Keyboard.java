package sprocket.api.kernel;

/**
 * A person typing at the host's terminal, for a console that is a terminal. Keys arrive on a host thread of the
 * keyboard's own; the kernel takes them on the simulation's thread, at a clock tick or when the machine is idle.
 */
public interface Keyboard {

    /**
     * The keys typed since the last call, waiting at most {@code nanos} nanoseconds of wall time for some (0: do not
     * wait); null when none came, {@link Keys#END} once the person's input has ended.
     */
    Keys take(long nanos);

    /**
     * A program waits to read the terminal; {@code line} when it reads canonical lines with echo, which the keyboard may
     * then edit on the host (with its history) and deliver whole, already shown. Called on the simulation's thread.
     */
    void waiting(boolean line);

    /** Keys as they arrive: {@code echoed} when the host showed them already (a line edited there). */
    record Keys(byte[] bytes, boolean echoed) {
        /** The end of the person's input. */
        public static final Keys END = new Keys(new byte[0], false);

        public Keys {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
