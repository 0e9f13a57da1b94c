package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** uniq(1), cut(1) and tr(1), the line and character filters. */
class UniqCutTrTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private String run(sprocket.api.sys.Program p, String input, String... args) {
        machine.stdin(input);
        machine.stdout.reset();
        assertThat(Programs.run(machine, p, args)).as(machine.err()).isZero();
        return machine.out();
    }

    @Test
    void uniq_drops_adjacent_repeats_counts_them_or_keeps_only_the_repeated_or_the_single() {
        String in = "a\na\nb\na\nc\nc\nc\n";
        assertThat(run(new Uniq(), in)).isEqualTo("a\nb\na\nc\n");
        assertThat(run(new Uniq(), in, "-c")).isEqualTo("   2 a\n   1 b\n   1 a\n   3 c\n");
        assertThat(run(new Uniq(), in, "-d")).isEqualTo("a\nc\n");
        assertThat(run(new Uniq(), in, "-u")).isEqualTo("b\na\n");
    }

    @Test
    void uniq_skips_fields_and_characters_and_ignores_case_when_asked() {
        assertThat(run(new Uniq(), "1 x\n2 x\n3 y\n", "-f", "1")).isEqualTo("1 x\n3 y\n");
        assertThat(run(new Uniq(), "ax\nbx\n", "-s", "1")).isEqualTo("ax\n");
        assertThat(run(new Uniq(), "A\na\n", "-i")).isEqualTo("A\n");
    }

    @Test
    void uniq_writes_to_the_output_operand() {
        machine.files.file("/in", "x\nx\n");
        assertThat(Programs.run(machine, new Uniq(), "/in", "/out")).isZero();
        assertThat(machine.files.get("/out").content()).isEqualTo("x\n");
    }

    @Test
    void cut_selects_bytes_characters_and_fields_by_lists_and_ranges() {
        assertThat(run(new Cut(), "abcdef\nxy\n", "-c", "2-3,5-")).isEqualTo("bcef\ny\n");
        assertThat(run(new Cut(), "abcdef\n", "-b", "-2,4")).isEqualTo("abd\n");
        assertThat(run(new Cut(), "root:x:0:0\nann:x:100:10\n", "-d:", "-f1,3")).isEqualTo("root:0\nann:100\n");
        assertThat(run(new Cut(), "a\tb\tc\nno tabs\n", "-f", "2-")).isEqualTo("b\tc\nno tabs\n");
        assertThat(run(new Cut(), "a\tb\nno tabs\n", "-s", "-f2")).isEqualTo("b\n");
    }

    @Test
    void cut_refuses_a_list_that_is_not_one_and_two_kinds_of_list() {
        assertThat(Programs.run(machine, new Cut(), "-f", "0")).isEqualTo(2);
        assertThat(Programs.run(machine, new Cut(), "-f", "3-2")).isEqualTo(2);
        assertThat(Programs.run(machine, new Cut(), "-b1", "-c1")).isEqualTo(2);
        assertThat(machine.err()).startsWith("cut: invalid list: 0\ncut: invalid list: 3-2\nusage: cut");
    }

    @Test
    void tr_translates_by_ranges_and_classes_deletes_squeezes_and_complements() {
        assertThat(run(new Tr(), "hello, world\n", "a-z", "A-Z")).isEqualTo("HELLO, WORLD\n");
        assertThat(run(new Tr(), "hello\n", "[:lower:]", "[:upper:]")).isEqualTo("HELLO\n");
        assertThat(run(new Tr(), "a1b22c333\n", "-d", "0-9")).isEqualTo("abc\n");
        assertThat(run(new Tr(), "aaa   bbb\n", "-s", " ")).isEqualTo("aaa bbb\n");
        assertThat(run(new Tr(), "one two  three\n", "-cs", "[:alpha:]", "\\n")).isEqualTo("one\ntwo\nthree\n");
        assertThat(run(new Tr(), "abcd\n", "abcd", "xy")).isEqualTo("xyyy\n");
        assertThat(run(new Tr(), "abcd\n", "a-d", "[x*2][y*]")).isEqualTo("xxyy\n");
        assertThat(run(new Tr(), "a\\b\n", "\\\\", "/")).isEqualTo("a/b\n");
    }

    @Test
    void tr_reports_a_bad_string_and_a_wrong_number_of_operands() {
        assertThat(Programs.run(machine, new Tr(), "z-a", "x")).isEqualTo(1);
        assertThat(Programs.run(machine, new Tr(), "[:nope:]", "x")).isEqualTo(1);
        assertThat(Programs.run(machine, new Tr(), "abc")).isEqualTo(2);
        assertThat(machine.err()).startsWith("tr: range-endpoints are in reverse collating order\n"
                + "tr: invalid character class: nope\nusage: tr");
    }
}
