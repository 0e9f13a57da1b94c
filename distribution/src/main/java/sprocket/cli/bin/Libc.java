package sprocket.cli.bin;

import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.libc.Strerror;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/** The few C library routines the programs lean on: whole writes, reads past EINTR, perror, and strtol with its checks. */
public final class Libc {

    /** What {@link #number} returns for text that is not a number in range. */
    public static final long BAD_NUMBER = Long.MIN_VALUE;

    private Libc() {
    }

    /** Writes all of {@code b[0..len)}, as stdio does, resuming after a short write or EINTR; false with errno set on failure. */
    public static boolean writeAll(Sys sys, int fd, byte[] b, int len) {
        int off = 0;
        while (off < len) {
            int n = sys.write(fd, b, off, len - off);
            if (n < 0) {
                if (sys.errno() == Errno.EINTR) continue;
                return false;
            }
            if (n == 0) {
                // write(2) returning 0 for a non-empty buffer would loop forever; treat it as the device refusing.
                sys.errno(Errno.EIO);
                return false;
            }
            off += n;
        }
        return true;
    }

    /** read(2) into all of {@code buf}, resumed after EINTR: the bytes read, 0 at end of file, -1 with errno set. */
    static int read(Sys sys, int fd, byte[] buf) {
        int n;
        do {
            n = sys.read(fd, buf, 0, buf.length);
        } while (n == -1 && sys.errno() == Errno.EINTR);
        return n;
    }

    /** fputs(s, stdout) and fflush: false with errno set if the output could not be written. */
    static boolean puts(Sys sys, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return writeAll(sys, Fcntl.STDOUT_FILENO, b, b.length);
    }

    /** Writes {@code s} to standard error; there is nowhere left to report a failure, so none is. */
    public static void eputs(Sys sys, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeAll(sys, Fcntl.STDERR_FILENO, b, b.length);
    }

    /** perror(3C): "{@code what}: message of errno" on standard error. */
    public static void perror(Sys sys, String what) {
        eputs(sys, what + ": " + Strerror.strerror(sys.errno()) + "\n");
    }

    /**
     * strtol(3C) as a careful caller uses it: the whole of {@code s} must be an optionally signed decimal
     * number within {@code [min, max]}; otherwise {@link #BAD_NUMBER}.
     */
    public static long number(String s, long min, long max) {
        int i = 0;
        int n = s.length();
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == n) return BAD_NUMBER;
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return BAD_NUMBER;
            // Accumulate negatively so that Long.MIN_VALUE's magnitude fits; ERANGE is just another bad number.
            if (value < (Long.MIN_VALUE + (c - '0')) / 10) return BAD_NUMBER;
            value = value * 10 - (c - '0');
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) return BAD_NUMBER;
            value = -value;
        }
        return value >= min && value <= max ? value : BAD_NUMBER;
    }
}
