package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.sys.FileMode;

class LnTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int ln(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "ln";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Ln().main(machine.process(), argv);
    }

    @Test
    void ln_makes_a_second_name_for_the_same_file() {
        var f = machine.files.file("/a", "data");
        assertThat(ln("/a", "/b")).isZero();
        assertThat(machine.files.get("/b")).isSameAs(f);
        assertThat(f.nlink).isEqualTo(2);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void s_makes_a_symbolic_link_holding_the_name_as_given_even_if_nothing_is_there() {
        assertThat(ln("-s", "../nowhere", "/l")).isZero();
        assertThat(machine.files.get("/l").type()).isEqualTo(FileMode.S_IFLNK);
        assertThat(machine.files.get("/l").target).isEqualTo("../nowhere");
    }

    @Test
    void into_a_directory_each_file_is_linked_under_its_own_name() {
        machine.files.file("/src/one", "1");
        machine.files.file("/src/two", "2");
        machine.files.dir("/dst");
        assertThat(ln("/src/one", "/src/two/", "/dst")).isZero();
        assertThat(machine.files.get("/dst").entries).containsOnlyKeys("one", "two");
        assertThat(ln("-s", "/src/one", "/dst/")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ln: /dst/one: File exists\n");
    }

    @Test
    void an_existing_link_name_is_an_error_unless_f_which_replaces_it() {
        var a = machine.files.file("/a", "new");
        machine.files.file("/b", "old");
        assertThat(ln("/a", "/b")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ln: /b: File exists\n");
        assertThat(ln("-f", "/a", "/b")).isZero();
        assertThat(machine.files.get("/b")).isSameAs(a);
        assertThat(ln("-sf", "/a", "/b")).isZero();
        assertThat(machine.files.get("/b").target).isEqualTo("/a");
    }

    @Test
    void f_never_removes_a_directory_nor_the_file_itself() {
        var a = machine.files.file("/a", "keep");
        machine.files.dir("/d/a");
        assertThat(ln("-f", "/a", "/d")).isEqualTo(1);
        assertThat(ln("-f", "/a", "/a")).isEqualTo(1);
        assertThat(machine.files.get("/a")).isSameAs(a);
        assertThat(a.nlink).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ln: /d/a: is a directory\nln: /a and /a are identical\n");
    }

    @Test
    void a_hard_link_needs_an_existing_file_that_is_not_a_directory() {
        machine.files.dir("/d");
        assertThat(ln("/missing", "/x")).isEqualTo(1);
        assertThat(ln("/d", "/y")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ln: /missing: No such file or directory\nln: /d: is a directory\n");
    }

    @Test
    void several_files_need_a_directory_last() {
        machine.files.file("/a", "");
        machine.files.file("/b", "");
        assertThat(ln("/a", "/b", "/c")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ln: /c: Not a directory\n");
    }

    @Test
    void fewer_than_two_operands_or_an_unknown_option_is_a_usage_error_with_status_2() {
        assertThat(ln("/a")).isEqualTo(2);
        assertThat(ln("-n", "/a", "/b")).isEqualTo(2);
        assertThat(machine.err()).startsWith("usage: ln [-fs] file1 file2\n").contains("ln: illegal option -- n\n");
    }
}
