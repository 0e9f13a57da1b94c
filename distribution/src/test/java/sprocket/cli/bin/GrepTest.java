package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrepTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int grep(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "grep";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Grep().main(machine.process(), argv);
    }

    private void poem() {
        machine.files.file("/poem", "The quick fox\nthe lazy dog\nno animal here\nA FOX again");
        machine.files.file("/list", "fox\ncat\n");
    }

    @Test
    void grep_prints_the_lines_of_the_standard_input_that_contain_the_string() {
        machine.stdin("alpha\nbeta\nalphabet\n");
        assertThat(grep("alpha")).isZero();
        assertThat(machine.out()).isEqualTo("alpha\nalphabet\n");
    }

    @Test
    void a_last_line_without_a_newline_is_a_line_and_the_string_is_fixed_not_a_pattern() {
        machine.stdin("a.c\nabc\nend a.c");
        assertThat(grep("a.c")).isZero();
        assertThat(machine.out()).isEqualTo("a.c\nend a.c\n");
    }

    @Test
    void with_several_files_each_line_is_preceded_by_its_files_name() {
        poem();
        assertThat(grep("fox", "/poem", "/list")).isZero();
        assertThat(machine.out()).isEqualTo("/poem:The quick fox\n/list:fox\n");
    }

    @Test
    void n_precedes_each_line_by_its_line_number_and_v_prints_the_lines_that_do_not_match() {
        poem();
        assertThat(grep("-n", "o", "/poem")).isZero();
        assertThat(grep("-vn", "o", "/poem")).isZero();
        assertThat(machine.out()).isEqualTo("1:The quick fox\n2:the lazy dog\n3:no animal here\n4:A FOX again\n");
    }

    @Test
    void c_prints_only_a_count_of_the_matching_lines() {
        poem();
        assertThat(grep("-c", "the", "/poem")).isZero();
        assertThat(grep("-c", "fox", "/poem", "/list")).isZero();
        assertThat(grep("-cv", "fox", "/list")).isZero();
        assertThat(machine.out()).isEqualTo("1\n/poem:1\n/list:1\n1\n");
    }

    @Test
    void i_ignores_case_l_prints_only_file_names_and_h_leaves_names_out() {
        poem();
        assertThat(grep("-i", "fox", "/poem")).isZero();
        assertThat(grep("-l", "fox", "/poem", "/list", "/poem")).isZero();
        assertThat(grep("-h", "fox", "/poem", "/list")).isZero();
        assertThat(machine.out()).isEqualTo("The quick fox\nA FOX again\n/poem\n/list\n/poem\nThe quick fox\nfox\n");
    }

    @Test
    void exit_status_is_1_if_nothing_matched_and_a_count_of_0_is_still_printed() {
        // grep(1): "Exit status is 0 if any matches are found, 1 if none, 2 for syntax errors or inaccessible files".
        poem();
        assertThat(grep("wolf", "/poem")).isEqualTo(1);
        assertThat(grep("-c", "wolf", "/poem")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("0\n");
    }

    @Test
    void an_inaccessible_file_makes_the_status_2_even_if_matches_were_found() {
        poem();
        assertThat(grep("fox", "/missing", "/list")).isEqualTo(2);
        assertThat(machine.out()).isEqualTo("/list:fox\n");
        assertThat(machine.err()).isEqualTo("grep: /missing: No such file or directory\n");
    }

    @Test
    void s_suppresses_the_messages_about_inaccessible_files_but_not_the_status() {
        machine.files.dir("/d");
        assertThat(grep("-s", "x", "/missing", "/d")).isEqualTo(2);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void a_long_line_across_many_reads_is_matched_whole() {
        String line = "x".repeat(20000) + "needle" + "y".repeat(20000);
        machine.files.file("/big", "first\n" + line + "\nlast\n");
        assertThat(grep("-n", "needle", "/big")).isZero();
        assertThat(machine.out()).isEqualTo("2:" + line + "\n");
    }

    @Test
    void no_string_or_an_unknown_option_is_a_usage_error_with_status_2() {
        assertThat(grep()).isEqualTo(2);
        assertThat(grep("-E", "x")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("usage: grep [-chilnsv] string [file...]\n"
                + "grep: illegal option -- E\nusage: grep [-chilnsv] string [file...]\n");
    }
}
