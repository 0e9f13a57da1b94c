package sprocket.kernel.syscall;

import java.nio.charset.StandardCharsets;

/**
 * A script's first line, {@code #! path [arg]}, as exec(2) reads it: the interpreter's path and at most one
 * argument (the rest of the line, blanks around it dropped). The interpreter runs with its own name, that argument,
 * the script's path, and the script's arguments after the first.
 */
record Interpreter(String path, String arg) {

    /** The line in the first {@code n} bytes of {@code head}, or null when they do not begin with "#!" and a path. */
    static Interpreter parse(byte[] head, int n) {
        if (n < 3 || head[0] != '#' || head[1] != '!') return null;
        int end = 2;
        while (end < n && head[end] != '\n') end++;
        // A line longer than what exec reads has no end in sight: not a script exec can run.
        if (end == n && n == head.length) return null;
        String line = new String(head, 2, end - 2, StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) return null;
        int blank = indexOfBlank(line);
        if (blank < 0) return new Interpreter(line, null);
        String arg = line.substring(blank).strip();
        return new Interpreter(line.substring(0, blank), arg.isEmpty() ? null : arg);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') return i;
        }
        return -1;
    }

    /** The interpreter's argument vector for the script at {@code script} run with {@code argv}. */
    String[] argv(String script, String[] argv) {
        int extra = arg == null ? 2 : 3;
        String[] out = new String[extra + Math.max(0, argv.length - 1)];
        out[0] = path;
        if (arg != null) out[1] = arg;
        out[extra - 1] = script;
        for (int i = 1; i < argv.length; i++) out[extra - 1 + i] = argv[i];
        return out;
    }
}
