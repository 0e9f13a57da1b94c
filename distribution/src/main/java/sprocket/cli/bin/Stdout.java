package sprocket.cli.bin;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * Standard output as stdio buffers it for a file or pipe: BUFSIZ bytes gathered and written in one write(2), and
 * at {@link #flush}. As with ferror(3S), the first failure sticks: later output is dropped and flush reports it.
 */
final class Stdout {

    /** stdio.h BUFSIZ. */
    static final int BUFSIZ = 8192;

    private final Sys sys;
    private final byte[] buf = new byte[BUFSIZ];
    private int count;
    private int error;

    Stdout(Sys sys) {
        this.sys = sys;
    }

    void write(byte[] b, int off, int len) {
        while (len > 0 && error == 0) {
            int n = Math.min(len, BUFSIZ - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == BUFSIZ) drain();
        }
    }

    void print(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
    }

    /** fflush(3S): writes what is buffered; false with errno set if this or any earlier write failed. */
    boolean flush() {
        if (count > 0 && error == 0) drain();
        if (error != 0) {
            sys.errno(error);
            return false;
        }
        return true;
    }

    private void drain() {
        if (!Libc.writeAll(sys, Fcntl.STDOUT_FILENO, buf, count)) error = sys.errno();
        count = 0;
    }
}
