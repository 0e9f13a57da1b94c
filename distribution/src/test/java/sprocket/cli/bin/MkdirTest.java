package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

class MkdirTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int mkdir(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "mkdir";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Mkdir().main(machine.process(), argv);
    }

    @Test
    void mkdir_creates_the_named_directories_in_mode_777_less_the_umask() {
        // mkdir(1): "mkdir creates the named directories in mode 777 (possibly altered by the file mode creation mask)".
        assertThat(mkdir("/a", "/b")).isZero();
        assertThat(machine.files.get("/a").mode).isEqualTo(FileMode.S_IFDIR | 0755);
        assertThat(machine.files.get("/b").type()).isEqualTo(FileMode.S_IFDIR);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void without_p_a_missing_parent_or_an_existing_name_is_an_error_and_the_others_are_still_made() {
        machine.files.file("/f", "");
        assertThat(mkdir("/x/y", "/f", "/ok")).isEqualTo(1);
        assertThat(machine.files.get("/ok")).isNotNull();
        assertThat(machine.files.get("/x")).isNull();
        assertThat(machine.err()).isEqualTo("mkdir: /x/y: No such file or directory\nmkdir: /f: File exists\n");
    }

    @Test
    void p_creates_the_missing_parents_first_and_an_existing_directory_is_no_error() {
        // mkdir(1): "-p With this option, mkdir creates dirname by creating all the non-existing parent directories first."
        machine.files.dir("/a");
        assertThat(mkdir("-p", "/a/b//c/d/", "/a")).isZero();
        assertThat(machine.files.get("/a/b/c/d").type()).isEqualTo(FileMode.S_IFDIR);
        assertThat(machine.err()).isEmpty();
        assertThat(mkdir("-p", "/a/b/c/d")).isZero();
    }

    @Test
    void p_still_fails_where_a_file_is_in_the_way() {
        machine.files.file("/a/file", "");
        assertThat(mkdir("-p", "/a/file")).isEqualTo(1);
        assertThat(mkdir("-p", "/a/file/sub")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("mkdir: /a/file: File exists\nmkdir: /a/file: File exists\n");
    }

    @Test
    void p_reports_the_prefix_it_could_not_make() {
        machine.files.errors.put("/a/b", Errno.EACCES);
        machine.files.dir("/a");
        assertThat(mkdir("-p", "/a/b/c")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("mkdir: /a/b: Permission denied\n");
        assertThat(machine.files.get("/a/b")).isNull();
    }

    @Test
    void no_operand_or_an_unknown_option_is_a_usage_error_with_status_2() {
        assertThat(mkdir()).isEqualTo(2);
        assertThat(mkdir("-p")).isEqualTo(2);
        assertThat(mkdir("-x", "/d")).isEqualTo(2);
        assertThat(machine.files.get("/d")).isNull();
        assertThat(machine.err()).contains("mkdir: illegal option -- x").contains("usage: mkdir [-p] dirname...");
    }
}
