package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

class CatTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int cat(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "cat";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Cat().main(machine.process(), argv);
    }

    @Test
    void cat_reads_each_file_in_sequence_and_writes_it_on_the_standard_output() {
        // cat(1): "cat reads each file in sequence and writes it on the standard output."
        machine.files.file("/tmp/a", "first\n");
        machine.files.file("/tmp/b", "second, which is longer than one read of the fake\n");
        assertThat(cat("/tmp/a", "/tmp/b", "/tmp/a")).isZero();
        assertThat(machine.out()).isEqualTo("first\nsecond, which is longer than one read of the fake\nfirst\n");
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void with_no_file_or_a_dash_cat_reads_the_standard_input() {
        machine.stdin("typed at the console\n");
        assertThat(cat()).isZero();
        machine.files.file("/f", "[file]");
        machine.stdin("again");
        assertThat(cat("/f", "-", "/f")).isZero();
        assertThat(machine.out()).isEqualTo("typed at the console\n[file]again[file]");
    }

    @Test
    void a_file_that_cannot_be_read_is_reported_and_the_rest_are_still_copied_with_exit_1() {
        machine.files.file("/ok", "ok\n");
        machine.files.dir("/d");
        machine.files.file("/secret", "no");
        machine.files.errors.put("/secret", Errno.EACCES);
        assertThat(cat("/missing", "/ok", "/d", "/secret")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("ok\n");
        assertThat(machine.err()).isEqualTo("cat: /missing: No such file or directory\ncat: /d: Is a directory\n"
                + "cat: /secret: Permission denied\n");
    }

    @Test
    void s_is_silent_about_nonexistent_files_but_still_exits_1() {
        // cat(1): "-s cat is silent about non-existent files."
        assertThat(cat("-s", "/missing")).isEqualTo(1);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void u_is_accepted_and_changes_nothing_since_output_is_never_buffered() {
        machine.files.file("/f", "x\n");
        assertThat(cat("-u", "/f")).isZero();
        assertThat(machine.out()).isEqualTo("x\n");
    }

    @Test
    void a_failed_write_stops_cat_with_exit_1() {
        machine.files.file("/f", "x\n");
        machine.stdoutErrno = Errno.ENOSPC;
        assertThat(cat("/f", "/f")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("cat: write: No space left on device\n");
    }

    @Test
    void a_read_error_on_standard_input_is_reported() {
        machine.stdinErrno = Errno.EIO;
        assertThat(cat("-")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("cat: -: I/O error\n");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_status_2() {
        assertThat(cat("-z", "/f")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("cat: illegal option -- z\nusage: cat [-su] [file...]\n");
    }
}
