package sprocket.fs.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.fs.Errnos.errno;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.fs.Inode;
import sprocket.api.fs.MountEntry;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.kernel.SystemTables;
import sprocket.api.kernel.TableStatus;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Mount;
import sprocket.fs.FakeKernel;
import sprocket.fs.Listing;

/** The process file system through its vnode operations, over a fake process table and mount table. */
class ProcFsTest {

    private final FakeKernel kernel = new FakeKernel();
    private final Inode root = new ProcFsProvider().mount(kernel.context()).root();

    private void add(int pid, int euid, char state, String... argv) {
        kernel.processes.put(pid, new ProcessInfo(pid, 1, pid, 1, state, euid, euid, euid, euid, 0, argv[0], argv));
    }

    private static String read(Inode f) {
        byte[] b = new byte[1000];
        int n = f.read(0, b, 0, b.length);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void the_root_lists_mounts_self_then_each_process_in_pid_order_with_a_link_each() {
        add(12, 0, 'R', "b");
        add(3, 0, 'S', "a");
        assertThat(new Listing().rest(root, 2)).containsExactly("mounts", "loadavg", "stat", "sysinfo", "self", "3",
                "12");
        assertThat(root.nlink()).isEqualTo(4);
        assertThat(root.mode()).isEqualTo(FileMode.S_IFDIR | 0555);
        assertThat(root.readOnly()).isTrue();
    }

    @Test
    void a_process_directory_is_its_owners_and_goes_with_the_process() {
        add(4, 100, 'S', "p", "x");
        Inode dir = root.lookup("4");
        assertThat(dir.uid()).isEqualTo(100);
        assertThat(new Listing().rest(dir, 1)).containsExactly("cmdline", "status");
        assertThat(read(dir.lookup("cmdline"))).isEqualTo("p\0x\0");
        assertThat(read(dir.lookup("status"))).contains("Name:\tp\n", "State:\tS (sleeping)\n", "Pid:\t4\n");
        Inode status = dir.lookup("status");
        kernel.processes.remove(4);
        assertThat(dir.nlink()).isZero();
        assertThat(errno(() -> dir.lookup("status"))).isEqualTo(Errno.ENOENT);
        // Linux: a read of a file whose process is gone fails with ESRCH.
        assertThat(errno(() -> status.read(0, new byte[10], 0, 10))).isEqualTo(Errno.ESRCH);
        assertThat(errno(() -> root.lookup("4"))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void names_that_are_not_a_live_pid_in_plain_decimal_are_not_found() {
        add(7, 0, 'R', "p");
        for (String name : new String[] {"07", "+7", "7a", "", "8", "99999999999"}) {
            assertThat(errno(() -> root.lookup(name))).as(name).isEqualTo(Errno.ENOENT);
        }
    }

    @Test
    void self_reads_as_the_callers_pid_and_mounts_as_the_mount_table() {
        kernel.pid = 9;
        assertThat(root.lookup("self").readlink()).isEqualTo("9");
        kernel.mounts = List.of(new MountEntry("memfs", "/", "memfs", 0),
                new MountEntry("my disk", "/mnt", "memfs", Mount.MS_RDONLY));
        assertThat(read(root.lookup("mounts"))).isEqualTo("memfs / memfs rw 0 0\nmy\\040disk /mnt memfs ro 0 0\n");
    }

    @Test
    void sysinfo_shows_each_table_used_size_and_overflows_as_sar_v_reads_them() {
        kernel.tables = new SystemTables(new TableStatus(26, 26, 3), new TableStatus(40, 1000, 0),
                new TableStatus(16, 16, 2));
        assertThat(read(root.lookup("sysinfo"))).isEqualTo("proc 26 26 3\ninode 40 1000 0\nfile 16 16 2\n");
    }
}
