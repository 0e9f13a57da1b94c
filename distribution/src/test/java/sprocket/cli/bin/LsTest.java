package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

class LsTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int ls(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "ls";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Ls().main(machine.process(), argv);
    }

    private void tree() {
        machine.files.file("/d/zeta", "z");
        machine.files.file("/d/alpha", "a");
        machine.files.file("/d/.hidden", "h");
        machine.files.dir("/d/mid");
    }

    @Test
    void ls_lists_a_directory_one_sorted_name_per_line_leaving_out_dot_files() {
        tree();
        assertThat(ls("/d")).isZero();
        assertThat(machine.out()).isEqualTo("alpha\nmid\nzeta\n");
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void a_lists_the_entries_beginning_with_a_dot_too() {
        // ls(1): "-a List all entries, including those that begin with a dot (.), which are normally not listed."
        tree();
        assertThat(ls("-a", "/d")).isZero();
        assertThat(machine.out()).isEqualTo(".\n..\n.hidden\nalpha\nmid\nzeta\n");
    }

    @Test
    void with_no_operand_ls_lists_the_current_directory() {
        machine.files.dir("/tmp");
        machine.files.dir("/bin");
        machine.files.dir("/dev");
        assertThat(ls()).isZero();
        assertThat(machine.out()).isEqualTo("bin\ndev\ntmp\n");
    }

    @Test
    void l_gives_mode_links_owner_group_size_time_and_name_and_the_target_of_a_symbolic_link() {
        machine.files.now = 3 * 3600 + 25 * 60;
        machine.seconds = machine.files.now + 10;
        var f = machine.files.file("/d/notes", "hello\n");
        f.uid = 100;
        f.gid = 20;
        machine.files.dir("/d/sub");
        machine.files.symlink("/d/link", "/d/notes");
        machine.files.device("/d/null", 1 << 18 | 2);
        assertThat(ls("-l", "/d")).isZero();
        assertThat(machine.out()).isEqualTo(
                "lrwxrwxrwx   1 0        0               8 Jan  1 03:25 link -> /d/notes\n"
                        + "-rw-r--r--   1 100      20              6 Jan  1 03:25 notes\n"
                        + "crw-rw-rw-   1 0        0          1,   2 Jan  1 03:25 null\n"
                        + "drwxr-xr-x   2 0        0              32 Jan  1 03:25 sub\n");
    }

    @Test
    void a_time_more_than_six_months_old_shows_the_year_instead_of_the_hour() {
        assertThat(Ls.time(0, 0)).isEqualTo("Jan  1 00:00");
        assertThat(Ls.time(40L * 86400 + 3600, 41L * 86400)).isEqualTo("Feb 10 01:00");
        assertThat(Ls.time(0, 200L * 86400)).isEqualTo("Jan  1  1970");
        // A time in the future is not recent either.
        assertThat(Ls.time(100, 50)).isEqualTo("Jan  1  1970");
    }

    @Test
    void the_mode_string_shows_type_permissions_and_the_setid_and_sticky_bits() {
        assertThat(Ls.mode(FileMode.S_IFREG | 0644)).isEqualTo("-rw-r--r--");
        assertThat(Ls.mode(FileMode.S_IFREG | FileMode.S_ISUID | 0755)).isEqualTo("-rwsr-xr-x");
        assertThat(Ls.mode(FileMode.S_IFREG | FileMode.S_ISUID | 0644)).isEqualTo("-rwSr--r--");
        assertThat(Ls.mode(FileMode.S_IFREG | FileMode.S_ISGID | 0755)).isEqualTo("-rwxr-sr-x");
        // ls(1): "l mandatory locking occurs during access (the set-group-ID bit is on and the group execution bit is off)"
        assertThat(Ls.mode(FileMode.S_IFREG | FileMode.S_ISGID | 0644)).isEqualTo("-rw-r-lr--");
        assertThat(Ls.mode(FileMode.S_IFDIR | FileMode.S_ISVTX | 0777)).isEqualTo("drwxrwxrwt");
        assertThat(Ls.mode(FileMode.S_IFDIR | FileMode.S_ISVTX | 0770)).isEqualTo("drwxrwx--T");
        assertThat(Ls.mode(FileMode.S_IFIFO | 0600)).isEqualTo("prw-------");
        assertThat(Ls.mode(FileMode.S_IFBLK | 0660)).isEqualTo("brw-rw----");
    }

    @Test
    void files_come_first_then_each_directory_under_its_name_after_a_blank_line() {
        tree();
        machine.files.file("/x", "");
        machine.files.dir("/e");
        assertThat(ls("/d", "/x", "/e")).isZero();
        assertThat(machine.out()).isEqualTo("/x\n\n/d:\nalpha\nmid\nzeta\n\n/e:\n");
    }

    @Test
    void an_operand_that_is_a_link_to_a_directory_is_followed_without_l_and_shown_as_a_link_with_it() {
        tree();
        machine.files.symlink("/to", "/d");
        assertThat(ls("/to")).isZero();
        assertThat(ls("-l", "/to")).isZero();
        assertThat(machine.out()).isEqualTo("alpha\nmid\nzeta\n"
                + "lrwxrwxrwx   1 0        0               2 Jan  1 00:00 /to -> /d\n");
    }

    @Test
    void a_dangling_link_is_listed_as_itself() {
        machine.files.symlink("/gone", "/nowhere");
        assertThat(ls("/gone")).isZero();
        assertThat(machine.out()).isEqualTo("/gone\n");
    }

    @Test
    void a_file_that_cannot_be_listed_is_reported_the_rest_listed_and_ls_exits_2() {
        tree();
        machine.files.dir("/locked");
        machine.files.errors.put("/locked", Errno.EACCES);
        assertThat(ls("/nope", "/d/alpha", "/locked")).isEqualTo(2);
        assertThat(machine.out()).isEqualTo("/d/alpha\n");
        assertThat(machine.err()).isEqualTo("ls: /nope: No such file or directory\nls: /locked: Permission denied\n");
    }

    @Test
    void a_failed_write_is_reported_and_ls_exits_2() {
        tree();
        machine.stdoutErrno = Errno.EIO;
        assertThat(ls("/d")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("ls: write: I/O error\n");
    }

    @Test
    void options_may_be_grouped_and_an_unknown_one_is_a_usage_error_with_status_2() {
        tree();
        assertThat(ls("-al", "/d/alpha")).isZero();
        assertThat(machine.out()).startsWith("-rw-r--r--");
        assertThat(ls("-lq", "/d")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("ls: illegal option -- q\nusage: ls [-al] [file...]\n");
    }
}
