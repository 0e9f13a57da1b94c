package sprocket.kernel.tty;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A terminal's input: in canonical mode the line being edited and the lines finished (a read takes from the first,
 * never past its end); in non-canonical mode the raw characters as they came. POSIX.1 11.1.5: MAX_CANON bounds a line,
 * MAX_INPUT what may wait to be read.
 */
final class InputQueue {
    /** The longest line canonical input edits (IRIX's MAX_CANON). */
    static final int MAX_CANON = 256;
    /** The most characters that may wait to be read (IRIX's MAX_INPUT). */
    static final int MAX_INPUT = 4096;

    /** Finished lines; an empty one is an end of file typed at the start of a line. */
    private final ArrayDeque<byte[]> lines = new ArrayDeque<>();
    /** How much of the first finished line a read has taken. */
    private int taken;
    private int queued;
    private final byte[] edit = new byte[MAX_CANON];
    private int editLen;
    private byte[] raw = new byte[64];
    private int rawLen;

    // ---- canonical

    /** Whether a finished line (or an end of file) waits. */
    boolean lineReady() {
        return !lines.isEmpty();
    }

    /** Adds {@code c} to the line being edited; false when the line is full. */
    boolean append(byte c) {
        if (editLen == MAX_CANON - 1 || queued + editLen >= MAX_INPUT) return false;
        edit[editLen++] = c;
        return true;
    }

    /** The line being edited so far. */
    byte[] editing() {
        return Arrays.copyOf(edit, editLen);
    }

    int editLength() {
        return editLen;
    }

    byte editAt(int i) {
        return edit[i];
    }

    /** ERASE: removes the last character of the line being edited; false when it is empty. */
    boolean erase() {
        if (editLen == 0) return false;
        editLen--;
        return true;
    }

    /** KILL: the line being edited goes. */
    void kill() {
        editLen = 0;
    }

    /**
     * Finishes the line being edited, with {@code delimiter} at its end (NL or EOL) or, for EOF (-1), without it; a
     * line finished by EOF with nothing in it is an end of file to the reader.
     */
    void finish(int delimiter) {
        byte[] line = Arrays.copyOf(edit, editLen + (delimiter >= 0 ? 1 : 0));
        if (delimiter >= 0) line[editLen] = (byte) delimiter;
        editLen = 0;
        lines.add(line);
        queued += line.length;
    }

    /** read(2) in canonical mode: at most one line, from where the last read stopped; 0 for an end of file. */
    int takeLine(byte[] buf, int off, int len) {
        byte[] line = lines.peek();
        int n = Math.min(len, line.length - taken);
        System.arraycopy(line, taken, buf, off, n);
        taken += n;
        queued -= n;
        if (taken == line.length) {
            lines.poll();
            taken = 0;
        }
        return n;
    }

    // ---- non-canonical

    /** Adds {@code c} as it came; false when MAX_INPUT characters wait already. */
    boolean put(byte c) {
        if (rawLen >= MAX_INPUT) return false;
        if (rawLen == raw.length) raw = Arrays.copyOf(raw, raw.length * 2);
        raw[rawLen++] = c;
        return true;
    }

    int rawCount() {
        return rawLen;
    }

    /** read(2) in non-canonical mode: what has come, up to {@code len}. */
    int takeRaw(byte[] buf, int off, int len) {
        int n = Math.min(len, rawLen);
        System.arraycopy(raw, 0, buf, off, n);
        System.arraycopy(raw, n, raw, 0, rawLen - n);
        rawLen -= n;
        return n;
    }

    // ---- both

    /** FIONREAD: what a read could take now in the mode given. */
    int readable(boolean canonical) {
        return canonical ? queued : rawLen;
    }

    /** tcflush(3C) TCIFLUSH, and a signal character without NOFLSH: everything typed goes. */
    void flush() {
        lines.clear();
        taken = 0;
        queued = 0;
        editLen = 0;
        rawLen = 0;
    }

    /**
     * ICANON was switched: the characters keep their order. Into non-canonical mode everything waiting (lines and the
     * line being edited) becomes raw input; into canonical mode raw input becomes the line being edited.
     */
    void switchMode(boolean canonical) {
        if (canonical) {
            int n = 0;
            while (n < rawLen && editLen < MAX_CANON - 1) edit[editLen++] = raw[n++];
            System.arraycopy(raw, n, raw, 0, rawLen - n);
            rawLen -= n;
            return;
        }
        byte[] first = lines.peek();
        int skip = taken;
        for (byte[] line : lines) {
            for (int i = line == first ? skip : 0; i < line.length; i++) put(line[i]);
        }
        for (int i = 0; i < editLen; i++) put(edit[i]);
        lines.clear();
        taken = 0;
        queued = 0;
        editLen = 0;
    }
}
