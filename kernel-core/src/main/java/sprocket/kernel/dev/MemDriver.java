package sprocket.kernel.dev;

import java.util.Arrays;

/**
 * The memory devices: /dev/null, null(7): "Data written on the null special file is discarded. Reads from it always
 * return end-of-file"; and /dev/zero, zero(7): reads return as many zero bytes as asked for, writes are discarded.
 */
final class MemDriver implements CharDriver {

    static final int NULL = 2;
    static final int ZERO = 3;

    @Override
    public int read(int minor, byte[] buf, int off, int len, int fflag) {
        if (minor == NULL) return 0;
        Arrays.fill(buf, off, off + len, (byte) 0);
        return len;
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len, int fflag) {
        return len;
    }

    @Override
    public boolean terminal(int minor) {
        return false;
    }

    @Override
    public boolean exists(int minor) {
        return minor == NULL || minor == ZERO;
    }
}
