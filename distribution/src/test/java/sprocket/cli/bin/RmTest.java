package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

class RmTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int rm(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "rm";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Rm().main(machine.process(), argv);
    }

    @Test
    void rm_removes_the_entries_for_files_from_a_directory() {
        var f = machine.files.file("/d/f", "x");
        machine.files.file("/d/g", "y");
        assertThat(rm("/d/f", "/d/g")).isZero();
        assertThat(machine.files.get("/d").entries).isEmpty();
        assertThat(f.nlink).isZero();
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void a_directory_is_not_removed_without_r() {
        machine.files.dir("/d");
        assertThat(rm("/d")).isEqualTo(1);
        assertThat(machine.files.get("/d")).isNotNull();
        assertThat(machine.err()).isEqualTo("rm: /d: is a directory\n");
    }

    @Test
    void r_removes_the_entire_contents_of_a_directory_and_the_directory_itself() {
        // rm(1): "-r Recursively remove the entire contents of the specified directory, and the directory itself."
        machine.files.file("/top/a/b/c/deep", "1");
        machine.files.file("/top/a/.dot", "2");
        machine.files.dir("/top/empty");
        machine.files.file("/keep", "3");
        machine.files.symlink("/top/link", "/keep");
        assertThat(rm("-r", "/top")).isZero();
        assertThat(machine.files.get("/top")).isNull();
        // A symbolic link inside is removed, not followed.
        assertThat(machine.files.get("/keep").content()).isEqualTo("3");
        assertThat(machine.files.root.nlink).isEqualTo(2);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void what_cannot_be_removed_is_reported_and_keeps_its_directory() {
        machine.files.file("/top/a/stuck", "1");
        machine.files.file("/top/b/gone", "2");
        machine.files.errors.put("/top/a/stuck", Errno.EACCES);
        assertThat(rm("-R", "/top")).isEqualTo(1);
        assertThat(machine.files.get("/top/b")).isNull();
        assertThat(machine.files.get("/top/a/stuck")).isNotNull();
        assertThat(machine.err()).isEqualTo("rm: /top/a/stuck: Permission denied\n");
    }

    @Test
    void a_missing_file_is_an_error_unless_f() {
        assertThat(rm("/nope")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("rm: /nope: No such file or directory\n");
        assertThat(rm("-f", "/nope")).isZero();
        assertThat(rm("-f")).isZero();
        assertThat(machine.err()).isEqualTo("rm: /nope: No such file or directory\n");
    }

    @Test
    void f_still_reports_errors_other_than_a_missing_file() {
        machine.files.file("/d/f", "x");
        machine.files.errors.put("/d/f", Errno.EACCES);
        assertThat(rm("-f", "/d/f")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("rm: /d/f: Permission denied\n");
    }

    @Test
    void dot_and_dot_dot_are_never_removed() {
        machine.files.file("/d/f", "x");
        assertThat(rm("-rf", "/d/.", "/d/..", "..")).isEqualTo(1);
        assertThat(machine.files.get("/d/f")).isNotNull();
        assertThat(machine.err()).isEqualTo("rm: /d/.: cannot remove . or ..\nrm: /d/..: cannot remove . or ..\n"
                + "rm: ..: cannot remove . or ..\n");
    }

    @Test
    void no_operand_without_f_or_an_unknown_option_is_a_usage_error_with_status_2() {
        machine.files.file("/f", "");
        assertThat(rm()).isEqualTo(2);
        assertThat(rm("-i", "/f")).isEqualTo(2);
        assertThat(machine.files.get("/f")).isNotNull();
        assertThat(machine.err()).isEqualTo("usage: rm [-fr] file...\nrm: illegal option -- i\nusage: rm [-fr] file...\n");
    }
}
