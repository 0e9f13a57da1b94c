package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/** stdio(3S)'s output routines, on a recording Sys. */
class StdioTest {

    @Test
    void puts_adds_a_newline_and_fputs_writes_the_string_as_it_is_in_one_write() {
        // puts(3S): "writes the null-terminated string pointed to by s, followed by a new-line character, to stdout".
        Recorder r = new Recorder();
        assertThat(Stdio.puts(r.sys, "héllo")).isEqualTo(7);
        assertThat(Stdio.fputs(r.sys, STDERR_FILENO, "no newline")).isEqualTo(10);
        assertThat(r.text(STDOUT_FILENO)).isEqualTo("héllo\n");
        assertThat(r.text(STDERR_FILENO)).isEqualTo("no newline");
        assertThat(r.writeCalls).isEqualTo(2);
    }

    @Test
    void printf_reads_cs_conversions_in_the_c_locale() {
        Recorder r = new Recorder();
        Stdio.printf(r.sys, "%5d|%-4s|%x|%o|%c|%.3f|%e|%%\n", 42, "ab", 255, 8, 'z', 3.14159, 12345.678);
        Stdio.dprintf(r.sys, STDERR_FILENO, "%,d\n", 1234567);
        assertThat(r.text(STDOUT_FILENO)).isEqualTo("   42|ab  |ff|10|z|3.142|1.234568e+04|%\n");
        assertThat(r.text(STDERR_FILENO)).isEqualTo("1,234,567\n");
    }

    @Test
    void a_short_write_or_an_interrupted_one_is_resumed_until_all_is_written() {
        Recorder r = new Recorder().shortWrite(3).failWrite(Errno.EINTR).shortWrite(2);
        assertThat(Stdio.fputs(r.sys, STDOUT_FILENO, "abcdefgh")).isEqualTo(8);
        assertThat(r.text(STDOUT_FILENO)).isEqualTo("abcdefgh");
        assertThat(r.writeCalls).isEqualTo(4);
    }

    @Test
    void a_failed_write_is_EOF_with_errno_and_a_write_of_nothing_is_EIO_rather_than_a_loop() {
        Recorder r = new Recorder().failWrite(Errno.EPIPE);
        assertThat(Stdio.puts(r.sys, "x")).isEqualTo(Stdio.EOF);
        assertThat(r.errno()).isEqualTo(Errno.EPIPE);
        Recorder z = new Recorder().shortWrite(0);
        assertThat(Stdio.fputs(z.sys, STDOUT_FILENO, "x")).isEqualTo(Stdio.EOF);
        assertThat(z.errno()).isEqualTo(Errno.EIO);
    }

    @Test
    void a_stream_gathers_BUFSIZ_bytes_per_write_and_the_rest_at_fflush() {
        Recorder r = new Recorder();
        Stream out = Stream.stdout(r.sys);
        String line = "0123456789abcdef\n";
        int lines = Stdio.BUFSIZ / line.length() + 3;
        for (int i = 0; i < lines; i++) out.fputs(line);
        assertThat(r.writeCalls).as("one full buffer so far").isEqualTo(1);
        out.printf("%d lines%n", lines);
        assertThat(out.fflush()).isZero();
        assertThat(r.writeCalls).isEqualTo(2);
        assertThat(r.text(STDOUT_FILENO)).isEqualTo(line.repeat(lines) + lines + " lines\n");
    }

    @Test
    void a_streams_first_failure_sticks_as_ferror_says_and_fflush_reports_it() {
        Recorder r = new Recorder().failWrite(Errno.ENOSPC);
        Stream out = Stream.fdopen(r.sys, 5);
        out.fwrite(new byte[Stdio.BUFSIZ], 0, Stdio.BUFSIZ);
        assertThat(out.ferror()).isTrue();
        out.fputs("dropped");
        r.sys.errno(0);
        assertThat(out.fflush()).isEqualTo(Stdio.EOF);
        assertThat(r.errno()).isEqualTo(Errno.ENOSPC);
        assertThat(r.text(5)).isEmpty();
        assertThat(r.writeCalls).isEqualTo(1);
    }
}
