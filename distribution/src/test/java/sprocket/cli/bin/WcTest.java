package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

class WcTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int wc(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "wc";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Wc().main(machine.process(), argv);
    }

    @Test
    void wc_counts_lines_words_and_characters_of_the_standard_input() {
        // wc(1): "A word is a maximal string of characters delimited by spaces, tabs, or new-lines."
        machine.stdin("one two\tthree\n  four\n\nfive");
        assertThat(wc()).isZero();
        assertThat(machine.out()).isEqualTo("      3       5      26\n");
    }

    @Test
    void several_files_are_counted_each_under_its_name_and_then_in_a_total() {
        machine.files.file("/a", "hello world\n");
        machine.files.file("/b", "x\ny\nz\n");
        assertThat(wc("/a", "/b")).isZero();
        assertThat(machine.out()).isEqualTo("      1       2      12 /a\n      3       3       6 /b\n"
                + "      4       5      18 total\n");
    }

    @Test
    void the_options_choose_the_counts_which_keep_their_order() {
        machine.files.file("/a", "hello world\n");
        assertThat(wc("-c", "/a")).isZero();
        assertThat(wc("-cl", "/a")).isZero();
        assertThat(wc("-w", "-l", "/a")).isZero();
        assertThat(machine.out()).isEqualTo("     12 /a\n      1      12 /a\n      1       2 /a\n");
    }

    @Test
    void a_word_may_span_reads_and_characters_are_bytes() {
        machine.stdin("abcdefghij klmnop é\n");
        assertThat(wc()).isZero();
        assertThat(machine.out()).isEqualTo("      1       3      21\n");
    }

    @Test
    void a_file_that_cannot_be_read_is_reported_left_out_of_the_total_and_wc_exits_1() {
        machine.files.file("/a", "a b\n");
        machine.files.dir("/d");
        assertThat(wc("-l", "/a", "/missing", "/d")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("      1 /a\n      1 total\n");
        assertThat(machine.err()).isEqualTo("wc: /missing: No such file or directory\nwc: /d: Is a directory\n");
    }

    @Test
    void a_read_error_on_standard_input_is_reported() {
        machine.stdinErrno = Errno.EIO;
        assertThat(wc()).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("wc: read: I/O error\n");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_status_2() {
        assertThat(wc("-m")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("wc: illegal option -- m\nusage: wc [-clw] [file...]\n");
    }
}
