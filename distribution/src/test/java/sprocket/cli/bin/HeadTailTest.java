package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** head(1) and tail(1): the first and the last lines or bytes, and from a line on. */
class HeadTailTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) b.append(i).append('\n');
        return b.toString();
    }

    @Test
    void head_writes_the_first_ten_lines_or_as_many_as_n_or_the_old_minus_count_says() {
        machine.stdin(lines(1, 30));
        assertThat(Programs.run(machine, new Head())).isZero();
        assertThat(machine.out()).isEqualTo(lines(1, 10));
        machine.files.file("/f", lines(1, 5));
        machine.stdout.reset();
        assertThat(Programs.run(machine, new Head(), "-n", "2", "/f")).isZero();
        assertThat(Programs.run(machine, new Head(), "-3", "/f")).isZero();
        assertThat(Programs.run(machine, new Head(), "-c", "3", "/f")).isZero();
        assertThat(machine.out()).isEqualTo("1\n2\n" + "1\n2\n3\n" + "1\n2");
    }

    @Test
    void head_of_several_files_heads_each_with_its_name_and_reports_one_it_cannot_open() {
        machine.files.file("/a", "a1\na2\n");
        machine.files.file("/b", "b1\n");
        assertThat(Programs.run(machine, new Head(), "-n1", "/a", "/missing", "/b")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("==> /a <==\na1\n\n==> /b <==\nb1\n");
        assertThat(machine.err()).isEqualTo("head: /missing: No such file or directory\n");
    }

    @Test
    void head_refuses_a_count_that_is_not_a_number() {
        assertThat(Programs.run(machine, new Head(), "-n", "x")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("head: invalid line count: x\n");
    }

    @Test
    void tail_writes_the_last_lines_or_bytes_or_from_a_line_on() {
        machine.files.file("/f", lines(1, 20) + "last without newline");
        assertThat(Programs.run(machine, new Tail(), "-n", "2", "/f")).isZero();
        assertThat(Programs.run(machine, new Tail(), "-c", "7", "/f")).isZero();
        assertThat(Programs.run(machine, new Tail(), "-n", "+19", "/f")).isZero();
        assertThat(Programs.run(machine, new Tail(), "+20", "/f")).isZero();
        assertThat(machine.out()).isEqualTo("20\nlast without newline" + "newline" + "19\n20\nlast without newline"
                + "20\nlast without newline");
    }

    @Test
    void tail_of_the_standard_input_keeps_the_last_ten_lines_whatever_its_length() {
        machine.stdin(lines(1, 1000));
        assertThat(Programs.run(machine, new Tail())).isZero();
        assertThat(machine.out()).isEqualTo(lines(991, 1000));
    }

    @Test
    void tail_c_keeps_the_last_bytes_of_input_longer_than_its_first_buffer() {
        String big = "x".repeat(20000) + "END\n";
        machine.files.file("/big", big);
        assertThat(Programs.run(machine, new Tail(), "-c", "10000", "/big")).isZero();
        assertThat(machine.out()).isEqualTo(big.substring(big.length() - 10000));
    }
}
