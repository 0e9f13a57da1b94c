package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;

/**
 * The file tools (ls, cat, tee, grep, wc, mkdir, rm, ln) against the real kernel and memory file system: alone
 * through {@code sprocket run}, and in sequence through a small test shell booted with the same catalog.
 */
class FilesProgramsTest {

    /** Boots {@code config} with the test shell installed and runs it on {@code lines}; the console's text and status. */
    private static Invocation sh(String config, String stdin, String... lines) throws Exception {
        Catalog catalog = Catalog.discover(List.of()).withPrograms(List.of(new Sh()));
        KernelConfig kc = KernelConfig.load(Path.of(config), List.of(), catalog);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(kc, catalog,
                new BootOptions(console, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null));
        RunResult r = kernel.run("sh", List.of(lines));
        return new Invocation(r.exitStatus(), console.toString(StandardCharsets.UTF_8), "");
    }

    @Test
    void ls_of_the_root_shows_bin_dev_proc_and_tmp() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "ls", "/");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).isEqualTo("bin\ndev\nproc\ntmp\n");
    }

    @Test
    void ls_l_of_dev_shows_the_character_devices() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.LINUX, "ls", "-l", "/dev");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).matches("(crw-rw-rw- +1 0 +0 +\\d+, +\\d+ Jan  1 00:00 (console|null|tty|zero)\n){4}");
        assertThat(r.out()).contains(" 1,   2 Jan  1 00:00 null\n").contains(" 1,   3 Jan  1 00:00 zero\n");
    }

    @Test
    void a_file_tee_wrote_is_read_back_by_cat_counted_by_wc_and_searched_by_grep() throws Exception {
        Invocation r = sh(RunCommandTest.IRIX, "the quick fox\njumps over\nthe lazy dog\n",
                "tee /tmp/t", "cat /tmp/t", "wc /tmp/t", "grep -c the /tmp/t", "grep -n o /tmp/t",
                "grep wolf /tmp/t");
        assertThat(r.out()).isEqualTo("the quick fox\njumps over\nthe lazy dog\n"
                + "the quick fox\njumps over\nthe lazy dog\n"
                + "      3       8      38 /tmp/t\n"
                + "2\n"
                + "1:the quick fox\n2:jumps over\n3:the lazy dog\n"
                + "[exit 1]\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void mkdir_ln_ls_and_rm_make_list_and_remove_a_tree_of_directories_and_links() throws Exception {
        Invocation r = sh(RunCommandTest.LINUX, "",
                "mkdir -p /tmp/a/b/c", "ln -s /tmp/a/b /tmp/link", "echo hello > /tmp/a/b/f", "ln /tmp/a/b/f /tmp/hard",
                "ls -l /tmp /tmp/link", "ls -a /tmp/link", "rm /tmp/a", "rm -r /tmp/a", "ls -l /tmp", "cat /tmp/hard");
        assertThat(r.out()).isEqualTo("lrwxrwxrwx   1 0        0               8 Jan  1 00:00 /tmp/link -> /tmp/a/b\n"
                + "\n/tmp:\n"
                + "drwxr-xr-x   3 0        0              48 Jan  1 00:00 a\n"
                + "-rw-r--r--   2 0        0               6 Jan  1 00:00 hard\n"
                + "lrwxrwxrwx   1 0        0               8 Jan  1 00:00 link -> /tmp/a/b\n"
                + ".\n..\nc\nf\n"
                + "rm: /tmp/a: is a directory\n[exit 1]\n"
                + "-rw-r--r--   1 0        0               6 Jan  1 00:00 hard\n"
                + "lrwxrwxrwx   1 0        0               8 Jan  1 00:00 link -> /tmp/a/b\n"
                + "hello\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void each_tool_reports_prog_path_strerror_and_exits_with_its_status() throws Exception {
        Invocation r = sh(RunCommandTest.IRIX, "", "cat /nope", "ls /nope", "rm /nope", "rm -f /nope", "mkdir /tmp",
                "ln -s x /tmp/l", "ln -s y /tmp/l", "ln /dev/null /dev/null", "wc /dev/null /dev", "cat /dev", "grep -c x /dev/null",
                "grep -q x", "tee /tmp/no/such");
        assertThat(r.out()).isEqualTo("cat: /nope: No such file or directory\n[exit 1]\n"
                + "ls: /nope: No such file or directory\n[exit 2]\n"
                + "rm: /nope: No such file or directory\n[exit 1]\n"
                + "mkdir: /tmp: File exists\n[exit 1]\n"
                + "ln: /tmp/l: File exists\n[exit 1]\n"
                + "ln: /dev/null: File exists\n[exit 1]\n"
                + "wc: /dev: Is a directory\n      0       0       0 /dev/null\n      0       0       0 total\n[exit 1]\n"
                + "cat: /dev: Is a directory\n[exit 1]\n"
                + "0\n[exit 1]\n"
                + "grep: illegal option -- q\nusage: grep [-chilnsv] string [file...]\n[exit 2]\n"
                + "tee: /tmp/no/such: No such file or directory\n[exit 1]\n");
    }

    @Test
    void chmod_sets_octal_and_symbolic_modes_and_reports_what_it_cannot_change() throws Exception {
        Invocation r = sh(RunCommandTest.IRIX, "", "tee /tmp/f", "chmod 750 /tmp/f", "ls -l /tmp/f", "chmod g+w,o+r /tmp/f",
                "ls -l /tmp/f", "chmod a-rwx /tmp/f", "ls -l /tmp/f", "chmod u+q /tmp/f", "chmod 644 /tmp/none", "chmod 644");
        assertThat(r.out()).isEqualTo("-rwxr-x---   1 0        0               0 Jan  1 00:00 /tmp/f\n"
                + "-rwxrwxr--   1 0        0               0 Jan  1 00:00 /tmp/f\n"
                + "----------   1 0        0               0 Jan  1 00:00 /tmp/f\n"
                + "chmod: invalid mode: u+q\n[exit 2]\n"
                + "chmod: /tmp/none: No such file or directory\n[exit 1]\n"
                + "usage: chmod mode file...\n[exit 2]\n");
    }

    @Test
    void ls_of_bin_lists_the_installed_programs_the_file_tools_among_them() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "ls", "/bin");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines().toList()).contains("cat", "chmod", "grep", "ln", "ls", "mkdir", "rm", "sh", "tee", "wc")
                .isSorted();
    }

    @Test
    void ls_of_a_missing_file_through_the_command_exits_2() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.LINUX, "ls", "/dev/nonesuch", "/tmp");
        assertThat(r.status()).isEqualTo(2);
        // Two operands: the directory is headed by its name although the other could not be listed.
        assertThat(r.out()).isEqualTo("ls: /dev/nonesuch: No such file or directory\n/tmp:\n");
    }
}
