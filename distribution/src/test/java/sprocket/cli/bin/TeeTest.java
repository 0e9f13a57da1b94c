package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.FileMode;

class TeeTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int tee(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "tee";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Tee().main(machine.process(), argv);
    }

    @Test
    void tee_transcribes_the_standard_input_to_the_standard_output_and_makes_copies_in_the_files() {
        // tee(1): "tee transcribes the standard input to the standard output and makes copies in the files."
        machine.files.dir("/tmp");
        machine.files.file("/tmp/old", "this was here before and is longer");
        machine.stdin("a line of input\nand another\n");
        assertThat(tee("/tmp/new", "/tmp/old")).isZero();
        assertThat(machine.out()).isEqualTo("a line of input\nand another\n");
        assertThat(machine.files.get("/tmp/new").content()).isEqualTo("a line of input\nand another\n");
        assertThat(machine.files.get("/tmp/old").content()).isEqualTo("a line of input\nand another\n");
        assertThat(machine.files.get("/tmp/new").mode).isEqualTo(FileMode.S_IFREG | 0644);
    }

    @Test
    void a_appends_to_the_files_instead_of_overwriting_them() {
        machine.files.file("/log", "one\n");
        machine.stdin("two\n");
        assertThat(tee("-a", "/log")).isZero();
        assertThat(machine.files.get("/log").content()).isEqualTo("one\ntwo\n");
    }

    @Test
    void i_ignores_interrupts() {
        machine.stdin("");
        assertThat(tee("-i")).isZero();
        assertThat(machine.signals).containsExactly(Signals.SIGINT + ":IGNORE");
    }

    @Test
    void a_file_that_cannot_be_opened_or_written_is_reported_and_the_others_still_get_everything() {
        machine.files.errors.put("/ro", Errno.EACCES);
        machine.files.file("/full", "").writeErrno = Errno.ENOSPC;
        machine.stdin("data that takes several reads\n");
        assertThat(tee("/ro", "/full", "/ok")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("data that takes several reads\n");
        assertThat(machine.files.get("/ok").content()).isEqualTo("data that takes several reads\n");
        assertThat(machine.err()).isEqualTo("tee: /ro: Permission denied\ntee: /full: No space left on device\n");
    }

    @Test
    void a_failed_standard_output_is_reported_once_and_the_files_are_still_written() {
        machine.stdoutErrno = Errno.EIO;
        machine.stdin("0123456789abcdef");
        assertThat(tee("/copy")).isEqualTo(1);
        assertThat(machine.files.get("/copy").content()).isEqualTo("0123456789abcdef");
        assertThat(machine.err()).isEqualTo("tee: standard output: I/O error\n");
    }

    @Test
    void a_read_error_is_reported_with_status_1() {
        machine.stdinErrno = Errno.EIO;
        assertThat(tee("/f")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("tee: read: I/O error\n");
        assertThat(machine.files.get("/f").content()).isEmpty();
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_status_2_and_no_file_is_touched() {
        assertThat(tee("-x", "/f")).isEqualTo(2);
        assertThat(machine.files.get("/f")).isNull();
        assertThat(machine.err()).isEqualTo("tee: illegal option -- x\nusage: tee [-ai] [file...]\n");
    }
}
