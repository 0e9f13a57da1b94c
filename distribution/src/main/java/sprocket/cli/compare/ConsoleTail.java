package sprocket.cli.compare;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A run's console during a comparison: the program's output is not shown (several runs go at once), but its last
 * few kilobytes are kept for the report of a run that fails.
 */
final class ConsoleTail extends OutputStream {
    private static final int KEEP = 4096;

    private final byte[] ring = new byte[KEEP];
    private long written;

    @Override
    public void write(int b) {
        ring[(int) (written++ % KEEP)] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) write(b[off + i]);
    }

    /** The last lines written, whole lines only once the start was dropped. */
    String text() {
        int n = (int) Math.min(written, KEEP);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = ring[(int) ((written - n + i) % KEEP)];
        String s = new String(out, StandardCharsets.UTF_8);
        if (written > KEEP) {
            int nl = s.indexOf('\n');
            if (nl >= 0) s = s.substring(nl + 1);
        }
        return s;
    }
}
