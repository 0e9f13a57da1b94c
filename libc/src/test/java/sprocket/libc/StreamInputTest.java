package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;

/** A stream read as stdio(3S) reads it: getline(3C), getc(3S), fread(3S), feof and ferror, on a real file system. */
class StreamInputTest {

    @Test
    void getline_returns_each_line_with_its_newline_across_buffers_and_the_last_line_without_one() {
        String big = "x".repeat(Stdio.BUFSIZ + 10);
        var o = Machine.with().program("t", (sys, argv) -> {
            Stream w = Stream.fopen(sys, "/tmp/f", "w");
            w.fputs("one\n\n" + big + "\nlast");
            w.fclose();
            Stream in = Stream.fopen(sys, "/tmp/f", "r");
            StringBuilder b = new StringBuilder();
            for (byte[] line; (line = in.getline()) != null;) b.append(line.length).append(' ');
            b.append(in.feof()).append(' ').append(in.ferror()).append(' ').append(in.fclose());
            Stdio.puts(sys, b.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("4 1 " + (Stdio.BUFSIZ + 11) + " 4 true false 0\n");
    }

    @Test
    void getc_and_fread_share_the_buffer_and_end_with_EOF() {
        var o = Machine.with().program("t", (sys, argv) -> {
            Stream w = Stream.fopen(sys, "/tmp/f", "w");
            w.fputs("abcdef");
            w.fclose();
            Stream in = Stream.fopen(sys, "/tmp/f", "r");
            int c = in.getc();
            byte[] b = new byte[10];
            int n = in.fread(b, 0, 10);
            Stdio.puts(sys, (char) c + " " + n + " " + new String(b, 0, n, StandardCharsets.UTF_8) + " "
                    + (in.getc() == Stdio.EOF) + " " + in.feof());
            in.fclose();
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("a 5 bcdef true true\n");
    }

    @Test
    void fopen_fails_with_opens_errno_or_EINVAL_for_a_mode_it_does_not_know_and_a_read_error_sticks() {
        var o = Machine.with().program("t", (sys, argv) -> {
            String none = Stream.fopen(sys, "/no/such", "r") == null ? Errno.name(sys.errno()) : "opened";
            String mode = Stream.fopen(sys, "/tmp", "r+") == null ? Errno.name(sys.errno()) : "opened";
            Stream dir = Stream.fopen(sys, "/tmp", "r");
            boolean nothing = dir.getline() == null;
            String read = Errno.name(sys.errno());
            Stream out = Stream.fdopen(sys, Fcntl.STDOUT_FILENO, "w");
            boolean refused = out.getc() == Stdio.EOF && out.ferror();
            Stdio.puts(sys, none + " " + mode + " " + nothing + " " + read + " " + dir.ferror() + " " + refused);
            dir.fclose();
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ENOENT EINVAL true EISDIR true true\n");
    }
}
