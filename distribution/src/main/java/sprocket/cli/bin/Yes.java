package sprocket.cli.bin;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * yes(1): "repeatedly outputs y, or the string given" (the operands joined by blanks), a line at a time, until the
 * output goes away: a reader that closes its pipe ends yes by SIGPIPE, as it ends any writer; another write error is
 * reported and is status 1.
 */
public final class Yes implements Program {

    @Override
    public String name() {
        return "yes";
    }

    @Override
    public String summary() {
        return "yes [STRING...]: write y (or the strings) on a line, over and over, until the reader goes";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        String text = argv.length > a ? String.join(" ", java.util.Arrays.copyOfRange(argv, a, argv.length)) : "y";
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        Stream out = Stream.stdout(sys);
        while (!out.ferror()) {
            out.fwrite(line);
        }
        out.fflush();
        Strerror.perror(sys, "yes: write");
        return 1;
    }
}
