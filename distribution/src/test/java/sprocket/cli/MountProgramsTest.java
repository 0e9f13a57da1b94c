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

/** mount -t and umount on the real kernel and file system, run line by line by a test shell as root. */
class MountProgramsTest {

    /** Runs each line in turn under the test shell on the IRIX configuration; the console, then the last status. */
    private static String sh(String... lines) throws Exception {
        Catalog catalog = Catalog.discover(List.of()).withPrograms(List.of(new Sh()));
        KernelConfig kc = KernelConfig.load(Path.of(RunCommandTest.IRIX), List.of(), catalog);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(kc, catalog, new BootOptions(console, new ByteArrayInputStream(new byte[0]), null));
        RunResult r = kernel.run("sh", List.of(lines));
        return console.toString(StandardCharsets.UTF_8) + "status " + r.exitStatus() + "\n";
    }

    @Test
    void mount_t_memfs_makes_an_empty_file_system_that_mount_lists_and_umount_takes_away() throws Exception {
        assertThat(sh("mkdir /mnt", "ln -s x /mnt/covered", "mount -t memfs scratch /mnt", "mkdir /mnt/made", "ls /mnt",
                "mount", "mount -t memfs", "umount /mnt", "ls /mnt", "mount")).isEqualTo("""
                made
                memfs on / type memfs (rw)
                proc on /proc type proc (rw)
                scratch on /mnt type memfs (rw)
                memfs on / type memfs (rw)
                scratch on /mnt type memfs (rw)
                covered
                memfs on / type memfs (rw)
                proc on /proc type proc (rw)
                status 0
                """);
    }

    @Test
    void r_and_o_ro_mount_read_only_so_changes_fail_with_erofs() throws Exception {
        assertThat(sh("mkdir /a /b", "mount -r -t memfs cd /a", "mount -o rw,ro -tmemfs dvd /b", "mkdir /a/x",
                "ln -s t /b/l", "mount -t memfs", "umount /a /b")).isEqualTo("""
                mkdir: /a/x: Read-only file system
                [exit 1]
                ln: /b/l: Read-only file system
                [exit 1]
                memfs on / type memfs (rw)
                cd on /a type memfs (ro)
                dvd on /b type memfs (ro)
                status 0
                """);
    }

    @Test
    void mount_t_proc_gives_another_view_of_the_processes() throws Exception {
        assertThat(sh("mkdir /p", "mount -t proc proc /p", "grep Name /p/1/status", "mount -t proc", "umount /p"))
                .isEqualTo("""
                        Name:\tinit
                        proc on /proc type proc (rw)
                        proc on /p type proc (rw)
                        status 0
                        """);
    }

    @Test
    void failures_of_the_calls_are_reported_with_the_directory_and_exit_1() throws Exception {
        assertThat(sh("mkdir /mnt", "mount -t nfs server:/x /mnt", "mount -t memfs t /", "mount -t memfs t /nowhere",
                "umount /tmp /mnt", "umount /")).isEqualTo("""
                mount: /mnt: No such device
                [exit 1]
                mount: /: Device busy
                [exit 1]
                mount: /nowhere: No such file or directory
                [exit 1]
                umount: /tmp: Invalid argument
                umount: /mnt: Invalid argument
                [exit 1]
                umount: /: Device busy
                [exit 1]
                status 1
                """);
    }

    @Test
    void usage_errors_exit_2() throws Exception {
        String usage = "usage: mount [-t type]\n       mount -t type [-r] [-o ro|rw] special directory\n";
        assertThat(sh("mount -x", "mount -t", "mount -t memfs only", "mount -o sync -t memfs a /tmp", "mount -r",
                "umount", "umount -f /tmp")).isEqualTo("mount: illegal option -- x\n" + usage + "[exit 2]\n"
                + "mount: option requires an argument -- t\n" + usage + "[exit 2]\n"
                + usage + "[exit 2]\n"
                + "mount: unknown option in -o sync\n" + usage + "[exit 2]\n"
                + usage + "[exit 2]\n"
                + "usage: umount directory...\n[exit 2]\n"
                + "umount: illegal option -- f\nusage: umount directory...\n[exit 2]\n"
                + "status 2\n");
    }
}
