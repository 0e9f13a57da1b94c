package sprocket.fs;

import java.util.Arrays;

/** /dev/zero, zero(7): reads return as many zero bytes as asked for; writes are discarded. */
final class ZeroDriver implements CharDriver {

    private static final int RDEV = CharDriver.makedev(1, 3);

    @Override
    public int read(byte[] buf, int off, int len) {
        Arrays.fill(buf, off, off + len, (byte) 0);
        return len;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public int rdev() {
        return RDEV;
    }
}
