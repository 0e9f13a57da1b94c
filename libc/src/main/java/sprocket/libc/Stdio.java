package sprocket.libc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * Formatted and string output to a descriptor, as stdio(3S) gives it: puts, fputs, printf, dprintf, and the whole
 * writes and interrupted reads under them. These streams are unbuffered, as stdio's stderr is: each call is one
 * write(2) (more only when the system writes short), so output appears in the order it is made; {@link Stream} is
 * the buffered kind. A stream is named by its descriptor and comes right after the {@link Sys}, as in fprintf(3S):
 * C's {@code fputs(s, stderr)} is {@code fputs(sys, STDERR_FILENO, s)}. Text is written as UTF-8.
 */
public final class Stdio {
    /** stdio.h EOF: what the output routines return on failure, with errno set. */
    public static final int EOF = -1;
    /** stdio.h BUFSIZ. */
    public static final int BUFSIZ = 8192;

    private Stdio() {
    }

    /** puts(3S): "writes the null-terminated string pointed to by s, followed by a new-line character, to stdout". */
    public static int puts(Sys sys, String s) {
        return fputs(sys, Fcntl.STDOUT_FILENO, s + "\n");
    }

    /** fputs(3S) on the stream of descriptor {@code fd}: the bytes written, or {@link #EOF} with errno set. */
    public static int fputs(Sys sys, int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return writeAll(sys, fd, b, 0, b.length) ? b.length : EOF;
    }

    /**
     * printf(3S) to standard output. The format is {@link java.util.Formatter}'s, which reads C's conversions
     * ({@code %d %5s %-8x %o %c %e %.3f %g %%}) and flags alike; C's length modifiers ({@code l}, {@code ll}, {@code
     * h}) have no place, the arguments carrying their own types. Numbers are formatted in the C locale. Returns the
     * bytes written, or a negative value with errno set.
     */
    public static int printf(Sys sys, String format, Object... args) {
        return dprintf(sys, Fcntl.STDOUT_FILENO, format, args);
    }

    /** dprintf(3C): {@link #printf} to descriptor {@code fd}. */
    public static int dprintf(Sys sys, int fd, String format, Object... args) {
        return fputs(sys, fd, String.format(Locale.ROOT, format, args));
    }

    /**
     * Writes all of {@code b[off, off+len)}, as stdio does, resuming after a short write or EINTR; false with errno
     * set if it could not.
     */
    public static boolean writeAll(Sys sys, int fd, byte[] b, int off, int len) {
        int end = off + len;
        while (off < end) {
            int n = sys.write(fd, b, off, end - off);
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

    /** read(2) into all of {@code buf} as stdio's input reads, resumed after EINTR: the bytes read, 0 at end of file, -1. */
    public static int read(Sys sys, int fd, byte[] buf) {
        int n;
        do {
            n = sys.read(fd, buf, 0, buf.length);
        } while (n == -1 && sys.errno() == Errno.EINTR);
        return n;
    }
}
