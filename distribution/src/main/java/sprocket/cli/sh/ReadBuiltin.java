package sprocket.cli.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * read (XCU read): one line from standard input, read a byte at a time so that nothing after the newline is taken
 * from a shared descriptor; backslash escapes and joins lines unless -r; split at IFS into the names, the last
 * taking the rest of the line. Status 1 at end of file.
 */
final class ReadBuiltin {

    private ReadBuiltin() {
    }

    static int read(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "r");
        boolean raw = !Builtins.options(g).isEmpty();
        int a = g.optind();
        if (a >= argv.length) throw ShellError.command("arg count", 2);
        for (int i = a; i < argv.length; i++) {
            if (!Variables.validName(argv[i])) throw ShellError.command(argv[i] + ": bad variable name", 2);
        }
        // The line, and for each character whether a backslash protected it from splitting.
        StringBuilder line = new StringBuilder();
        List<Boolean> escaped = new ArrayList<>();
        boolean eof = readLine(sh, raw, line, escaped);
        String ifs = sh.vars.get("IFS");
        if (ifs == null) ifs = " \t\n";
        int names = argv.length - a;
        int i = 0;
        int n = line.length();
        for (int k = 0; k < names; k++) {
            // Leading IFS white space is skipped before each field.
            while (i < n && !escaped.get(i) && white(ifs, line.charAt(i))) i++;
            String value;
            if (k == names - 1) {
                int end = n;
                while (end > i && !escaped.get(end - 1) && white(ifs, line.charAt(end - 1))) end--;
                value = line.substring(i, end);
                i = n;
            } else {
                int start = i;
                while (i < n && (escaped.get(i) || ifs.indexOf(line.charAt(i)) < 0)) i++;
                value = line.substring(start, i);
                // The delimiter: white space, then at most one other IFS character and the white space after it.
                while (i < n && !escaped.get(i) && white(ifs, line.charAt(i))) i++;
                if (i < n && !escaped.get(i) && ifs.indexOf(line.charAt(i)) >= 0 && !white(ifs, line.charAt(i))) i++;
            }
            sh.vars.set(argv[a + k], value);
            if (sh.options.allexport) sh.vars.export(argv[a + k]);
        }
        return eof ? 1 : 0;
    }

    private static boolean white(String ifs, char c) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }

    /** Reads to the newline (not kept) or end of file; true at end of file. */
    private static boolean readLine(Shell sh, boolean raw, StringBuilder line, List<Boolean> escaped) {
        Sys sys = sh.sys;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Boolean> marks = new ArrayList<>();
        byte[] b = new byte[1];
        boolean backslash = false;
        boolean eof = false;
        while (true) {
            int r = sys.read(Fcntl.STDIN_FILENO, b, 0, 1);
            if (r == -1) {
                if (sys.errno() == Errno.EINTR) continue;
                throw ShellError.command("read error: " + Strerror.strerror(sys.errno()), 2);
            }
            if (r == 0) {
                eof = true;
                break;
            }
            byte c = b[0];
            if (backslash) {
                backslash = false;
                if (c == '\n') continue; // a line continuation
                bytes.write(c);
                marks.add(true);
                continue;
            }
            if (c == '\\' && !raw) {
                backslash = true;
                continue;
            }
            if (c == '\n') break;
            bytes.write(c);
            marks.add(false);
        }
        // Decode and carry the marks over: a multi-byte character is escaped if its first byte was.
        byte[] all = bytes.toByteArray();
        int at = 0;
        String text = new String(all, StandardCharsets.UTF_8);
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            line.append(ch);
            escaped.add(at < marks.size() && marks.get(at));
            at += String.valueOf(ch).getBytes(StandardCharsets.UTF_8).length;
        }
        return eof;
    }
}
