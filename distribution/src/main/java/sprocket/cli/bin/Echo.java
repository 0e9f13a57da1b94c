package sprocket.cli.bin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * echo(1): "writes its arguments separated by blanks and terminated by a newline on the standard output".
 * A first argument of {@code -n} drops the newline (BSD); the System V escapes are understood: \a \b \c \f
 * \n \r \t \v \\ and \0num (one to three octal digits), where \c ends the output with no newline.
 */
public final class Echo implements Program {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "echo [-n] [ARG...]: write the arguments, separated by blanks";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int first = 1;
        boolean newline = true;
        if (argv.length > 1 && argv[1].equals("-n")) {
            newline = false;
            first = 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean stopped = false;
        for (int i = first; i < argv.length && !stopped; i++) {
            if (i > first) out.write(' ');
            stopped = expand(argv[i], out);
        }
        if (newline && !stopped) out.write('\n');
        byte[] b = out.toByteArray();
        if (!Stdio.writeAll(sys, Fcntl.STDOUT_FILENO, b, 0, b.length)) {
            Strerror.perror(sys, "echo: write");
            return 1;
        }
        return 0;
    }

    /** Appends {@code arg} with its escapes expanded; true if it held \c, which ends all output. */
    public static boolean expand(String arg, ByteArrayOutputStream out) {
        int start = 0;
        int n = arg.length();
        for (int i = 0; i < n; i++) {
            if (arg.charAt(i) != '\\' || i + 1 == n) continue;
            int code = -1;
            int next = i + 2;
            switch (arg.charAt(i + 1)) {
                case 'a' -> code = 0x07;
                case 'b' -> code = '\b';
                case 'c' -> code = -2;
                case 'f' -> code = '\f';
                case 'n' -> code = '\n';
                case 'r' -> code = '\r';
                case 't' -> code = '\t';
                case 'v' -> code = 0x0b;
                case '\\' -> code = '\\';
                case '0' -> {
                    code = 0;
                    for (int k = 0; k < 3 && next < n && arg.charAt(next) >= '0' && arg.charAt(next) <= '7'; k++) {
                        code = code * 8 + (arg.charAt(next++) - '0');
                    }
                    code &= 0xff;
                }
                default -> {
                    // Not an escape: echo writes the backslash and the character as they are.
                }
            }
            if (code == -1) continue;
            out.writeBytes(arg.substring(start, i).getBytes(StandardCharsets.UTF_8));
            if (code == -2) return true;
            out.write(code);
            start = next;
            i = next - 1;
        }
        out.writeBytes(arg.substring(start).getBytes(StandardCharsets.UTF_8));
        return false;
    }
}
