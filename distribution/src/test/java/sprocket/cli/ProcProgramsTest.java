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

/** ps and mount reading /proc on the real kernel and file system, on either machine (MountProgramsTest mounts). */
class ProcProgramsTest {

    @Test
    void ps_lists_init_and_itself_on_either_machine() {
        for (String config : new String[] {RunCommandTest.IRIX, RunCommandTest.LINUX}) {
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "ps");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("""
                      PID  PPID S   UID CMD
                        1     0 S     0 init
                        2     1 R     0 ps
                    """);
        }
    }

    @Test
    void ps_f_run_by_a_shell_shows_the_shell_as_its_parent_and_each_full_command_line() throws Exception {
        Catalog catalog = Catalog.discover(List.of()).withPrograms(List.of(new Sh()));
        KernelConfig kc = KernelConfig.load(Path.of(RunCommandTest.IRIX), List.of(), catalog);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(kc, catalog, new BootOptions(console, new ByteArrayInputStream(new byte[0]), null));
        RunResult r = kernel.run("sh", List.of("ps -f", "true"));
        assertThat(r.exitStatus()).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("""
                  PID  PPID S   UID CMD
                    1     0 S     0 init
                    2     1 S     0 sh ps -f true
                    3     2 R     0 ps -f
                """);
    }

    @Test
    void mount_lists_the_root_file_system_and_proc() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "mount");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("memfs on / type memfs (rw)\nproc on /proc type proc (rw)\n");
    }

    @Test
    void ps_takes_no_operands_and_mount_needs_a_type_and_both_say_so_on_the_console() {
        Invocation ps = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "ps", "1");
        assertThat(ps.status()).isEqualTo(2);
        assertThat(ps.out()).isEqualTo("usage: ps [-ef]\n");
        Invocation mount = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "mount", "/dev/x", "/mnt");
        assertThat(mount.status()).isEqualTo(2);
        assertThat(mount.out()).isEqualTo("usage: mount [-t type]\n       mount -t type [-r] [-o ro|rw] special directory\n");
    }
}
