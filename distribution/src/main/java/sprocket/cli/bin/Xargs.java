package sprocket.cli.bin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;
import sprocket.libc.Exec;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * xargs(1): "construct argument lists and invoke utility": the words of standard input (separated by blanks and
 * newlines, with '...', "..." and \ quoting; NUL-separated with {@code -0}) are appended to the utility's own
 * arguments (echo's by default) and it is run, as often as the words need: at most {@code -n N} words, {@code -L N}
 * lines or {@code -s SIZE} bytes of arguments per run; {@code -I STR} runs it once per line with STR replaced by the
 * line. {@code -t} writes each command to standard error first, {@code -x} stops when a command would not fit, {@code
 * -r} runs nothing for empty input, {@code -E STR} takes STR as the logical end of the input. Exit 0; 123 when a run
 * exited 1 to 125; 124 when one exited 255 (xargs stops); 125 when one was killed by a signal (xargs stops); 126 or
 * 127 when the utility could not be run or found; 1 for an error of its own.
 */
public final class Xargs implements Program {

    private static final String USAGE = "usage: xargs [-0rtx] [-E eofstr] [-I replstr | -L number | -n number]"
            + " [-s size] [utility [argument...]]\n";

    @Override
    public String name() {
        return "xargs";
    }

    @Override
    public String summary() {
        return "xargs [-0rtx] [-n N | -L N | -I S] [-s N] [CMD [ARG...]]: run a command on the words of standard input";
    }

    /** The options of one xargs run. */
    private static final class Options {
        boolean nul;
        boolean trace;
        boolean exact;
        boolean noEmptyRun;
        String eof;
        String replace;
        long maxArgs = Long.MAX_VALUE;
        long maxLines = Long.MAX_VALUE;
        long maxSize;
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Options o = new Options();
        long argMax = sys.sysconf(Sysconf._SC_ARG_MAX);
        // POSIX: the default leaves 2048 bytes of ARG_MAX for the environment the utility may add to.
        o.maxSize = Math.max(256, (argMax > 0 ? argMax : 4096) - 2048);
        Getopt g = new Getopt(sys, argv, "0E:I:L:n:rs:tx");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case '0' -> o.nul = true;
                case 'E' -> o.eof = g.optarg();
                case 'I' -> {
                    o.replace = g.optarg();
                    o.maxLines = 1;
                    o.exact = true;
                }
                case 'L', 'n', 's' -> {
                    long n = Strtol.number(g.optarg(), 1, Long.MAX_VALUE);
                    if (n == Strtol.BAD_NUMBER) {
                        Text.error(sys, "xargs: invalid number for -" + (char) c + ": " + g.optarg());
                        return 1;
                    }
                    if (c == 'L') o.maxLines = n;
                    if (c == 'n') o.maxArgs = n;
                    if (c == 's') o.maxSize = Math.min(n, o.maxSize);
                }
                case 'r' -> o.noEmptyRun = true;
                case 't' -> o.trace = true;
                case 'x' -> o.exact = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] command = g.operands();
        if (command.length == 0) command = new String[] {"echo"};
        return run(sys, o, command);
    }

    /** The arguments gathered for the next run of the utility, and what the runs so far came to. */
    private static final class Batch {
        final Sys sys;
        final Options o;
        final String[] command;
        final long fixed;
        final List<String> args = new ArrayList<>();
        long size;
        long lines;
        int status;
        /** The status xargs stops with (124 to 127), or 0 while it goes on. */
        int stop;
        boolean ranOnce;

        Batch(Sys sys, Options o, String[] command) {
            this.sys = sys;
            this.o = o;
            this.command = command;
            long f = 0;
            for (String w : command) f += bytes(w) + 1;
            fixed = f;
            size = f;
        }

        /** Runs {@code argv}, keeping its outcome; false once xargs must stop. */
        boolean run(String[] argv) {
            int r = invoke(sys, o, argv);
            ranOnce = true;
            if (r > 123) stop = r;
            if (r != 0) status = r;
            return stop == 0;
        }

        /** Runs the utility on the arguments gathered and starts a new batch; false once xargs must stop. */
        boolean flush() {
            boolean go = run(joined(command, args));
            args.clear();
            size = fixed;
            lines = 0;
            return go;
        }
    }

    private static int run(Sys sys, Options o, String[] command) {
        Stream in = Stream.stdin(sys);
        Batch batch = new Batch(sys, o, command);
        boolean end = false;
        while (!end) {
            List<String> line = new ArrayList<>();
            if (o.replace != null) {
                byte[] raw = in.getline();
                end = raw == null;
                if (raw != null) line.add(stripped(raw));
            } else {
                end = !next(in, o, line);
            }
            if (o.eof != null && line.contains(o.eof)) {
                line = line.subList(0, line.indexOf(o.eof));
                end = true;
            }
            if (o.replace != null) {
                if (line.isEmpty() || line.get(0).isEmpty()) continue;
                if (!batch.run(replaced(command, o.replace, line.get(0)))) return batch.stop;
                continue;
            }
            for (String w : line) {
                long b = bytes(w) + 1;
                boolean tooBig = batch.size + b > o.maxSize;
                // -x: a run that would have fewer arguments than -n asks, for want of room, is an error.
                if (batch.fixed + b > o.maxSize || (tooBig && o.exact && batch.args.size() < o.maxArgs
                        && !batch.args.isEmpty())) {
                    Text.error(sys, "xargs: argument list too long");
                    return 1;
                }
                if (!batch.args.isEmpty() && (tooBig || batch.args.size() >= o.maxArgs) && !batch.flush()) {
                    return batch.stop;
                }
                batch.args.add(w);
                batch.size += b;
            }
            if (!line.isEmpty()) batch.lines++;
            boolean full = batch.lines >= o.maxLines || batch.args.size() >= o.maxArgs;
            if (!batch.args.isEmpty() && (full || end) && !batch.flush()) return batch.stop;
        }
        if (in.ferror()) {
            Strerror.perror(sys, "xargs: read");
            return 1;
        }
        if (!batch.ranOnce && !o.noEmptyRun && o.replace == null) batch.run(command);
        return batch.stop != 0 ? batch.stop : batch.status;
    }

    /**
     * The words of the next input line into {@code words} (-0: the next NUL-terminated word); false at the end of
     * the input.
     */
    private static boolean next(Stream in, Options o, List<String> words) {
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        boolean inWord = false;
        int quote = 0;
        int c;
        while ((c = in.getc()) != Stdio.EOF) {
            if (o.nul) {
                if (c == 0) {
                    words.add(text(word));
                    return true;
                }
                word.write(c);
                inWord = true;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\n') {
                    // An unmatched quote ends at the line; POSIX leaves it undefined, and xargs reports it.
                    quote = 0;
                    words.add(text(word));
                    return true;
                } else {
                    word.write(c);
                }
                continue;
            }
            if (c == '\\') {
                int d = in.getc();
                if (d == Stdio.EOF) break;
                word.write(d);
                inWord = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) words.add(text(word));
                word.reset();
                inWord = false;
                if (c == '\n' && !words.isEmpty()) return true;
            } else {
                word.write(c);
                inWord = true;
            }
        }
        if (inWord) words.add(text(word));
        return false;
    }

    /** -I's line: its leading blanks and its newline aside. */
    private static String stripped(byte[] line) {
        int from = 0;
        int to = Text.length(line);
        while (from < to && (line[from] == ' ' || line[from] == '\t')) from++;
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    private static long bytes(String w) {
        return w.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String[] joined(String[] command, List<String> args) {
        String[] all = new String[command.length + args.size()];
        System.arraycopy(command, 0, all, 0, command.length);
        for (int i = 0; i < args.size(); i++) all[command.length + i] = args.get(i);
        return all;
    }

    private static String[] replaced(String[] command, String replace, String line) {
        String[] all = command.clone();
        for (int i = 1; i < all.length; i++) all[i] = all[i].replace(replace, line);
        return all;
    }

    /**
     * Runs {@code argv} and waits for it: 0, 123 for an exit of 1 to 125, 124 for 255, 125 for a signal, 126 or 127
     * when it could not run; after reporting the last three.
     */
    private static int invoke(Sys sys, Options o, String[] argv) {
        if (o.trace) Text.error(sys, String.join(" ", argv));
        int pid = sys.fork(child -> {
            Exec.execvp(child, argv[0], argv);
            return Run.failed(child, "xargs", argv[0]);
        });
        if (pid == -1) {
            Strerror.perror(sys, "xargs: fork");
            return 125;
        }
        int status = Reap.pid(sys, pid);
        if (status == -1) {
            Strerror.perror(sys, "xargs: waitpid");
            return 125;
        }
        if (Wait.WIFSIGNALED(status)) {
            Text.error(sys, "xargs: " + argv[0] + ": terminated by signal " + Wait.WTERMSIG(status));
            return 125;
        }
        int code = Wait.WEXITSTATUS(status);
        if (code == 255) {
            Text.error(sys, "xargs: " + argv[0] + ": exited with status 255; aborting");
            return 124;
        }
        // The child's own 126 and 127 are exec's failure, reported there; xargs stops with them.
        if (code == 126 || code == 127) return code;
        return code == 0 ? 0 : 123;
    }
}
