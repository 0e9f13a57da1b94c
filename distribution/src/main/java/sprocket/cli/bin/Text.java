package sprocket.cli.bin;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * What the text filters (head, tail, sort, uniq, cut) share: an operand opened as a stream, "-" being the standard
 * input, with the failure reported as "prog: name: reason"; and the end of their output, flushed with a write error
 * reported. Their text is bytes, as in the C locale: one byte is one character, read and written unchanged.
 */
final class Text {

    private Text() {
    }

    /** The stream of operand {@code name} ("-": standard input), or null after reporting why it cannot be opened. */
    static Stream open(Sys sys, String program, String name) {
        if (name.equals("-")) return Stream.stdin(sys);
        Stream in = Stream.fopen(sys, name, "r");
        if (in == null) Strerror.perror(sys, program + ": " + name);
        return in;
    }

    /**
     * Closes {@code in} (not the standard input, which stays open for the next "-"); false after reporting a read
     * error of operand {@code name}.
     */
    static boolean close(Sys sys, String program, String name, Stream in) {
        boolean ok = !in.ferror();
        if (!ok) Strerror.perror(sys, program + ": " + name);
        if (in.fileno() != Fcntl.STDIN_FILENO) in.fclose();
        return ok;
    }

    /** The file operands of {@code g} once its options are read, or "-" (the standard input) when there are none. */
    static String[] files(Getopt g) {
        String[] files = g.operands();
        return files.length == 0 ? new String[] {"-"} : files;
    }

    /** head's and tail's "==> file <==" before file {@code i} of several, a blank line between two. */
    static void header(Stream out, String[] files, int i) {
        if (files.length > 1) out.fputs((i > 0 ? "\n" : "") + "==> " + files[i] + " <==\n");
    }

    /** Flushes standard output; {@code status}, or 1 after reporting a write error. */
    static int finish(Sys sys, String program, Stream out, int status) {
        if (out.fflush() == Stdio.EOF) {
            Strerror.perror(sys, program + ": write");
            return 1;
        }
        return status;
    }

    /** The C locale's view of bytes as text: one char per byte, so nothing is lost on the way back. */
    static String chars(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of text made by {@link #chars}. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code line} without its final newline, if it has one. */
    static int length(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
    }

    /** Writes the diagnostic {@code message} (a line) to standard error. */
    static void error(Sys sys, String message) {
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, message + "\n");
    }
}
