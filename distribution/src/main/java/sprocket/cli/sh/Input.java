package sprocket.cli.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import sprocket.api.Errno;
import sprocket.libc.Strerror;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * Where the shell's commands come from, read a line at a time as the parser needs them: a string (sh -c, eval,
 * backquotes) or a descriptor (a script, standard input). The lexer takes characters and may give one back; the
 * text consumed can be recorded, so that a word keeps its source form for reserved words, {@code jobs} and
 * here-document delimiters.
 */
abstract class Input {
    static final int EOF = -1;

    private String line = "";
    private int pos;
    private boolean ended;
    /** The line the next character is on, for "sh: 3: ..." messages. */
    int lineNo = 1;
    private final StringBuilder transcript = new StringBuilder();
    private int recorders;

    /** The next line with its newline (the last may lack one), or null at the end of the input. */
    protected abstract String readLine(boolean continuation);

    /** Whether the next line read starts a new command (PS1) rather than continuing one (PS2). */
    private boolean continuation;

    /** Told of each line as it is read: set -v writes it to standard error. */
    Consumer<String> listener;

    /** The next character, or {@link #EOF}. */
    final int next() {
        while (pos >= line.length()) {
            if (ended) return EOF;
            String l = readLine(continuation);
            continuation = true;
            if (l == null) {
                ended = true;
                return EOF;
            }
            if (listener != null) listener.accept(l);
            line = l;
            pos = 0;
        }
        char c = line.charAt(pos++);
        if (c == '\n') lineNo++;
        if (recorders > 0) transcript.append(c);
        return c;
    }

    /** Whether everything has been read: the command just parsed is the input's last (a string's only). */
    boolean exhausted() {
        return pos >= line.length() && (ended || noMoreLines());
    }

    /** Whether {@link #readLine} would return null, if that can be known without reading; false otherwise. */
    protected boolean noMoreLines() {
        return false;
    }

    /** Gives back the character {@link #next} returned last (never across a line already replaced). */
    final void back(int c) {
        if (c == EOF) return;
        pos--;
        if (c == '\n') lineNo--;
        if (recorders > 0) transcript.setLength(transcript.length() - 1);
    }

    /** The next character without taking it. */
    final int peek() {
        int c = next();
        back(c);
        return c;
    }

    /**
     * Descriptor {@code fd} is about to be replaced by a redirection: a script read from it moves to another first
     * (standard input is not moved: {@code exec <file} makes a shell reading it read the file, as it should).
     */
    void relocate(Sys sys, int fd) {
    }

    /** The descriptor the input is read from, or -1 for a string. */
    int fd() {
        return -1;
    }

    /** A new command begins: the next line read is prompted for with PS1. */
    final void newCommand() {
        continuation = pos < line.length();
    }

    /** Starts recording the text consumed; returns the mark {@link #recorded} takes. */
    final int record() {
        if (recorders++ == 0) transcript.setLength(0);
        return transcript.length();
    }

    /** Stops one recording and returns what was consumed since its mark. */
    final String recorded(int mark) {
        recorders--;
        return transcript.substring(Math.min(mark, transcript.length()));
    }

    /** Reads the rest of the current line and the lines after it until one equals {@code end}: here-documents. */
    final String hereDocument(String end, boolean stripTabs) {
        StringBuilder body = new StringBuilder();
        StringBuilder l = new StringBuilder();
        while (true) {
            l.setLength(0);
            int c;
            while ((c = next()) != EOF && c != '\n') l.append((char) c);
            String text = l.toString();
            if (stripTabs) {
                int i = 0;
                while (i < text.length() && text.charAt(i) == '\t') i++;
                text = text.substring(i);
            }
            // As dash does, the end of the input also ends an unterminated here-document, silently.
            if (text.equals(end) || (c == EOF && text.isEmpty())) return body.toString();
            body.append(text).append('\n');
            if (c == EOF) return body.toString();
        }
    }

    /** A string's lines: {@code sh -c}, eval, the text of a backquoted command. */
    static Input of(String text) {
        return new Input() {
            private int at;

            @Override
            protected boolean noMoreLines() {
                return at >= text.length();
            }

            @Override
            protected String readLine(boolean continuation) {
                if (at >= text.length()) return null;
                int nl = text.indexOf('\n', at);
                int end = nl < 0 ? text.length() : nl + 1;
                String l = text.substring(at, end);
                at = end;
                return l;
            }
        };
    }

    /**
     * The lines read from {@code fd}. A descriptor others share (standard input) is read a byte at a time, so that
     * a command run from it finds its input just after the line that ran it, as POSIX asks of sh.
     */
    static Input of(Sys sys, int fd, boolean shared, Prompter prompter) {
        return new Input() {
            private int from = fd;
            private final byte[] buf = new byte[shared ? 1 : 512];
            private int have;
            private int at;
            private final ByteArrayOutputStream l = new ByteArrayOutputStream();

            @Override
            protected String readLine(boolean continuation) {
                if (prompter != null) prompter.prompt(continuation);
                l.reset();
                while (true) {
                    if (at == have) {
                        int n = sys.read(from, buf, 0, buf.length);
                        if (n < 0 && sys.errno() == Errno.EINTR) continue;
                        if (n <= 0) {
                            // End of file or an error (EIO, EBADF) both end the commands; what was read still runs.
                            return l.size() == 0 ? null : l.toString(StandardCharsets.UTF_8);
                        }
                        have = n;
                        at = 0;
                    }
                    byte b = buf[at++];
                    l.write(b);
                    if (b == '\n') return l.toString(StandardCharsets.UTF_8);
                }
            }

            @Override
            int fd() {
                return from;
            }

            @Override
            void relocate(Sys s, int target) {
                if (shared || target != from) return;
                int moved = s.fcntl(from, Fcntl.F_DUPFD, Limits.FIRST_PRIVATE_FD);
                if (moved == -1 || s.fcntl(moved, Fcntl.F_SETFD, Fcntl.FD_CLOEXEC) == -1) {
                    throw ShellError.command(target + ": " + Strerror.strerror(s.errno()), 2);
                }
                s.close(from); // the redirection finds it closed, and closes it again when it is undone
                from = moved;
            }
        };
    }

    /** Writes PS1 or PS2 before an interactive shell reads a line. */
    @FunctionalInterface
    interface Prompter {
        void prompt(boolean continuation);
    }
}
