package sprocket.libc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * A buffered output stream, as stdio(3S) buffers standard output going to a file or pipe: {@link Stdio#BUFSIZ}
 * bytes gathered and written in one write(2), and at {@link #fflush}. As with ferror(3S), the first failure sticks:
 * later output is dropped and fflush reports it. What is not flushed when the process exits or execs is lost, as
 * with _exit(2); a program flushes before it returns from main. The buffer is the program's (one per stream it
 * opens), like the FILE it stands for.
 */
public final class Stream {
    private final Sys sys;
    private final int fd;
    private final byte[] buf = new byte[Stdio.BUFSIZ];
    private int count;
    private int error;

    private Stream(Sys sys, int fd) {
        this.sys = sys;
        this.fd = fd;
    }

    /** A buffered stream writing to descriptor {@code fd}: fdopen(3S) for writing. */
    public static Stream fdopen(Sys sys, int fd) {
        return new Stream(sys, fd);
    }

    /** Standard output, buffered. */
    public static Stream stdout(Sys sys) {
        return new Stream(sys, Fcntl.STDOUT_FILENO);
    }

    /** fwrite(3S) of {@code b[off, off+len)}; drops it once the stream has failed. */
    public void fwrite(byte[] b, int off, int len) {
        while (len > 0 && error == 0) {
            int n = Math.min(len, Stdio.BUFSIZ - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == Stdio.BUFSIZ) drain();
        }
    }

    /** fputs(3S). */
    public void fputs(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        fwrite(b, 0, b.length);
    }

    /** fprintf(3S), with {@link Stdio#printf}'s format. */
    public void printf(String format, Object... args) {
        fputs(String.format(Locale.ROOT, format, args));
    }

    /** fflush(3S): writes what is buffered; 0, or {@link Stdio#EOF} with errno set if this or an earlier write failed. */
    public int fflush() {
        if (count > 0 && error == 0) drain();
        if (error != 0) {
            sys.errno(error);
            return Stdio.EOF;
        }
        return 0;
    }

    /** ferror(3S): whether a write of this stream has failed. */
    public boolean ferror() {
        return error != 0;
    }

    private void drain() {
        if (!Stdio.writeAll(sys, fd, buf, 0, count)) error = sys.errno();
        count = 0;
    }
}
