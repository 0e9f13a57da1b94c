package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** sort(1): bytes in the C locale, numbers, keys and fields, reverse, unique, check and output. */
class SortTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private String sort(String input, String... args) {
        machine.stdin(input);
        machine.stdout.reset();
        assertThat(Programs.run(machine, new Sort(), args)).as(machine.err()).isZero();
        return machine.out();
    }

    @Test
    void lines_are_ordered_by_their_bytes_as_the_C_locale_orders_them() {
        // Upper case before lower case, and a byte above 127 after both: strcmp's unsigned order.
        assertThat(sort("b\nB\na\n\u00e9\nA\n")).isEqualTo("A\nB\na\nb\n\u00e9\n");
        assertThat(sort("b\na", "-r")).isEqualTo("b\na\n");
    }

    @Test
    void n_compares_leading_numbers_with_sign_and_fraction_and_f_folds_case() {
        assertThat(sort("10\n9\n-2\n1.5\nx\n  3\n", "-n")).isEqualTo("-2\nx\n1.5\n  3\n9\n10\n");
        assertThat(sort("b\nA\nB\na\n", "-f")).isEqualTo("A\na\nB\nb\n");
    }

    @Test
    void keys_select_fields_split_by_blanks_or_by_the_t_character() {
        String passwd = "root:x:0:0\nann:x:100:10\nbob:x:20:10\n";
        assertThat(sort(passwd, "-t:", "-k3,3n")).isEqualTo("root:x:0:0\nbob:x:20:10\nann:x:100:10\n");
        assertThat(sort(passwd, "-t", ":", "-k4,4n", "-k1,1r")).isEqualTo("root:x:0:0\nbob:x:20:10\nann:x:100:10\n");
        // A field includes the blanks before it unless -b: "  b" sorts before " a".
        assertThat(sort("x  b 2\ny a 10\nz a 9\n", "-k2,2", "-k3n")).isEqualTo("x  b 2\nz a 9\ny a 10\n");
        assertThat(sort("x  b 2\ny a 10\nz a 9\n", "-b", "-k2,2", "-k3n")).isEqualTo("z a 9\ny a 10\nx  b 2\n");
        assertThat(sort("a bc\nb ab\n", "-k2.2")).isEqualTo("b ab\na bc\n");
    }

    @Test
    void u_keeps_the_first_of_lines_with_equal_keys_and_equal_keys_otherwise_fall_back_to_the_whole_line() {
        assertThat(sort("b 1\na 1\nc 2\n", "-k2,2", "-u")).isEqualTo("b 1\nc 2\n");
        assertThat(sort("b 1\na 1\nc 2\n", "-k2,2")).isEqualTo("a 1\nb 1\nc 2\n");
        assertThat(sort("b 1\na 1\nc 2\n", "-s", "-k2,2")).isEqualTo("b 1\na 1\nc 2\n");
    }

    @Test
    void c_reports_the_first_line_out_of_order_and_exits_1() {
        machine.stdin("a\nc\nb\n");
        assertThat(Programs.run(machine, new Sort(), "-c")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("sort: -:3: disorder: b\n");
        machine.stdin("a\nb\n");
        assertThat(Programs.run(machine, new Sort(), "-c")).isZero();
    }

    @Test
    void o_writes_the_output_to_a_file_which_may_be_an_input() {
        machine.files.file("/f", "2\n1\n3\n");
        assertThat(Programs.run(machine, new Sort(), "-o", "/f", "/f")).isZero();
        assertThat(machine.files.get("/f").content()).isEqualTo("1\n2\n3\n");
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_bad_key_or_a_missing_file_is_an_error_with_status_2() {
        assertThat(Programs.run(machine, new Sort(), "-k", "0")).isEqualTo(2);
        assertThat(Programs.run(machine, new Sort(), "/missing")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("sort: invalid key: 0\nsort: /missing: No such file or directory\n");
    }
}
