package sprocket.libc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * A buffered stream (C's {@code FILE}), as stdio(3S) buffers a file or pipe: reading fills {@link Stdio#BUFSIZ}
 * bytes with one read(2) and hands them out by getc, fgets and fread; writing gathers {@link Stdio#BUFSIZ} bytes
 * and writes them in one write(2), and at {@link #fflush}. A stream reads or writes, as its mode says, not both. As
 * with ferror(3S), the first failure sticks: later output is dropped, input ends, and fflush reports it. What is not
 * flushed when the process exits or execs is lost, as with _exit(2); a program flushes (or fcloses) before it returns
 * from main. The buffer is the program's (one per stream it opens), like the FILE it stands for.
 */
public final class Stream {
    private final Sys sys;
    private final int fd;
    private final boolean reading;
    private final byte[] buf = new byte[Stdio.BUFSIZ];
    /** Writing: the bytes gathered. Reading: the bytes the last read(2) gave. */
    private int count;
    /** Reading: the next byte of {@link #buf} to hand out. */
    private int next;
    private int error;
    private boolean eof;

    private Stream(Sys sys, int fd, boolean reading) {
        this.sys = sys;
        this.fd = fd;
        this.reading = reading;
    }

    /**
     * fopen(3S): opens {@code path} as a stream. {@code mode} "r" reads; "w" writes, truncating or creating the file
     * (mode 0666 less the umask); "a" appends, creating it. A 'b' is accepted and means nothing, as on every Unix.
     * Returns null with open(2)'s errno, or EINVAL for another mode ("+" included: these streams go one way).
     */
    public static Stream fopen(Sys sys, String path, String mode) {
        int flags = switch (mode.replace("b", "")) {
            case "r" -> Fcntl.O_RDONLY;
            case "w" -> Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC;
            case "a" -> Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND;
            default -> -1;
        };
        if (flags == -1) {
            sys.errno(Errno.EINVAL);
            return null;
        }
        int fd = sys.open(path, flags, 0666);
        return fd < 0 ? null : new Stream(sys, fd, flags == Fcntl.O_RDONLY);
    }

    /** A buffered stream writing to descriptor {@code fd}: fdopen(3S) with mode "w". */
    public static Stream fdopen(Sys sys, int fd) {
        return new Stream(sys, fd, false);
    }

    /** fdopen(3S): a stream on descriptor {@code fd}, reading for mode "r", writing for "w" or "a"; null with EINVAL. */
    public static Stream fdopen(Sys sys, int fd, String mode) {
        String m = mode.replace("b", "");
        if (!m.equals("r") && !m.equals("w") && !m.equals("a")) {
            sys.errno(Errno.EINVAL);
            return null;
        }
        return new Stream(sys, fd, m.equals("r"));
    }

    /** Standard input, buffered. */
    public static Stream stdin(Sys sys) {
        return new Stream(sys, Fcntl.STDIN_FILENO, true);
    }

    /** Standard output, buffered. */
    public static Stream stdout(Sys sys) {
        return new Stream(sys, Fcntl.STDOUT_FILENO, false);
    }

    /** fileno(3S): the stream's descriptor. */
    public int fileno() {
        return fd;
    }

    // ---- output

    /** fwrite(3S) of {@code b[off, off+len)}; drops it once the stream has failed. */
    public void fwrite(byte[] b, int off, int len) {
        if (reading) {
            fail(Errno.EBADF);
            return;
        }
        while (len > 0 && error == 0) {
            int n = Math.min(len, Stdio.BUFSIZ - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == Stdio.BUFSIZ) drain();
        }
    }

    /** fwrite(3S) of all of {@code b}. */
    public void fwrite(byte[] b) {
        fwrite(b, 0, b.length);
    }

    /** fputs(3S), as UTF-8. */
    public void fputs(String s) {
        fwrite(s.getBytes(StandardCharsets.UTF_8));
    }

    /** fprintf(3S), with {@link Stdio#printf}'s format. */
    public void printf(String format, Object... args) {
        fputs(String.format(Locale.ROOT, format, args));
    }

    /**
     * fflush(3S): writes what is buffered; 0, or {@link Stdio#EOF} with errno set if this or an earlier write failed.
     * On a stream that reads it does nothing and answers 0 unless a read failed.
     */
    public int fflush() {
        if (!reading && count > 0 && error == 0) drain();
        if (error != 0) {
            sys.errno(error);
            return Stdio.EOF;
        }
        return 0;
    }

    /** ferror(3S): whether a read or write of this stream has failed. */
    public boolean ferror() {
        return error != 0;
    }

    /**
     * fclose(3S): flushes the stream and closes its descriptor; 0, or {@link Stdio#EOF} with errno set if either
     * failed (the descriptor is closed all the same).
     */
    public int fclose() {
        int flushed = fflush();
        int e = sys.errno();
        if (sys.close(fd) == -1) return Stdio.EOF;
        if (flushed != 0) {
            sys.errno(e);
            return Stdio.EOF;
        }
        return 0;
    }

    private void drain() {
        if (!Stdio.writeAll(sys, fd, buf, 0, count)) error = sys.errno();
        count = 0;
    }

    // ---- input

    /** getc(3S): the next byte (0 to 255), or {@link Stdio#EOF} at end of file or on an error (see ferror, feof). */
    public int getc() {
        if (next == count && !fill()) return Stdio.EOF;
        return buf[next++] & 0xff;
    }

    /**
     * getline(3C): the next line, its newline included (the last line of a file may have none); null at end of file
     * or on an error (see ferror, feof). Lines are bytes, as C reads them: no character set is assumed.
     */
    public byte[] getline() {
        byte[] line = null;
        int len = 0;
        while (true) {
            if (next == count && !fill()) return line == null ? null : Arrays.copyOf(line, len);
            int end = next;
            while (end < count && buf[end] != '\n') end++;
            boolean whole = end < count;
            if (whole) end++;
            int n = end - next;
            if (line == null) {
                line = new byte[Math.max(n, 80)];
            } else if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.max(len + n, 2 * line.length));
            }
            System.arraycopy(buf, next, line, len, n);
            len += n;
            next = end;
            if (whole) return Arrays.copyOf(line, len);
        }
    }

    /** fread(3S): up to {@code len} bytes into {@code b[off...]}; the count, short only at end of file or an error. */
    public int fread(byte[] b, int off, int len) {
        int done = 0;
        while (done < len) {
            if (next == count && !fill()) break;
            int n = Math.min(len - done, count - next);
            System.arraycopy(buf, next, b, off + done, n);
            next += n;
            done += n;
        }
        return done;
    }

    /** feof(3S): whether reading has met the end of the file. */
    public boolean feof() {
        return eof;
    }

    /** clearerr(3S): forgets end of file and any error, so that reading may try again (as tail -f does). */
    public void clearerr() {
        eof = false;
        error = 0;
    }

    /** Reads the next buffer; false at end of file or on an error (which sticks, with errno set). */
    private boolean fill() {
        if (!reading) return fail(Errno.EBADF);
        if (eof || error != 0) return false;
        int n = Stdio.read(sys, fd, buf);
        next = 0;
        count = Math.max(n, 0);
        if (n == 0) eof = true;
        if (n < 0) error = sys.errno();
        return n > 0;
    }

    private boolean fail(int e) {
        if (error == 0) error = e;
        sys.errno(e);
        return false;
    }
}
