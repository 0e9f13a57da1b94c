package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.R_OK;
import static sprocket.api.sys.Fcntl.W_OK;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/** /proc over a fake process table: what it lists, what status and cmdline say, and that nothing can be written. */
class ProcFsTest {

    private final Fixture fx = new Fixture();

    /** The i-number procfs gives process {@code pid}'s directory: ((pid + 1) << 3), as it numbers them. */
    private static long dirIno(int pid) {
        return ((long) pid + 1) << 3;
    }

    private static ProcessInfo proc(int pid, int ppid, char state, int uid, String... argv) {
        return new ProcessInfo(pid, ppid, pid, 1, state, uid, uid, uid / 10, uid / 10, 0, argv[0], argv);
    }

    private void add(ProcessInfo p) {
        fx.kernel.processes.put(p.pid(), p);
    }

    private List<String> list(String path, int size) {
        Entry dir = fx.open(fx.at(USER), path, O_RDONLY, 0);
        List<String> names = new ArrayList<>();
        Dirent[] buf = new Dirent[size];
        for (int n; (n = dir.getdents(buf)) > 0; ) {
            for (int k = 0; k < n; k++) names.add(buf[k].name());
        }
        dir.release();
        return names;
    }

    private String read(String path) {
        Entry f = fx.open(fx.at(USER), path, O_RDONLY, 0);
        String s = Fixture.read(f, 1000);
        f.release();
        return s;
    }

    private Stat stat(String path, boolean follow) {
        int[] errno = new int[1];
        Stat st = fx.fs.stat(fx.at(USER), path, follow, errno);
        assertThat(errno[0]).as("stat %s", path).isZero();
        return st;
    }

    @Test
    void proc_lists_one_directory_per_process_in_pid_order_not_name_order() {
        add(proc(1, 0, 'S', 0, "init"));
        add(proc(2, 1, 'R', 0, "sh"));
        add(proc(10, 2, 'R', 100, "ps"));
        assertThat(list("/proc", 100)).containsExactly(".", "..", "mounts", "loadavg", "stat", "sysinfo", "self", "1", "2", "10");
        // The same, a single entry per call, so each call resumes where the last stopped.
        assertThat(list("/proc", 1)).containsExactly(".", "..", "mounts", "loadavg", "stat", "sysinfo", "self", "1", "2", "10");
    }

    @Test
    void directories_appear_and_go_as_the_process_table_changes() {
        add(proc(1, 0, 'S', 0, "init"));
        assertThat(list("/proc", 10)).containsExactly(".", "..", "mounts", "loadavg", "stat", "sysinfo", "self", "1");
        add(proc(7, 1, 'R', 0, "child"));
        assertThat(list("/proc", 10)).endsWith("1", "7");
        assertThat(stat("/proc/7", true).type()).isEqualTo(FileMode.S_IFDIR);
        fx.kernel.processes.remove(7);
        assertThat(list("/proc", 10)).endsWith("self", "1");
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(USER), "/proc/7", true, errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOENT);
    }

    @Test
    void a_listing_resumes_after_the_last_pid_it_gave_even_when_that_process_has_gone() {
        add(proc(1, 0, 'S', 0, "init"));
        add(proc(3, 1, 'R', 0, "a"));
        add(proc(5, 1, 'R', 0, "b"));
        Entry dir = fx.open(fx.at(USER), "/proc", O_RDONLY, 0);
        Dirent[] buf = new Dirent[8];
        assertThat(dir.getdents(buf)).isEqualTo(8);
        assertThat(buf[7].name()).isEqualTo("1");
        fx.kernel.processes.remove(1);
        fx.kernel.processes.remove(3);
        assertThat(dir.getdents(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo(new Dirent(dirIno(5), "5", FileMode.S_IFDIR));
        assertThat(dir.getdents(buf)).isZero();
    }

    @Test
    void names_that_are_not_a_pid_in_plain_decimal_are_not_found() {
        add(proc(1, 0, 'S', 0, "init"));
        int[] errno = new int[1];
        for (String p : new String[] {"/proc/01", "/proc/x", "/proc/2", "/proc/1/nothing", "/proc/1/status/x"}) {
            assertThat(fx.fs.stat(fx.at(USER), p, true, errno)).as(p).isNull();
        }
    }

    @Test
    void status_gives_name_state_pids_and_real_and_effective_ids_in_linux_layout() {
        add(new ProcessInfo(4, 1, 4, 1, 'S', 100, 0, 10, 20, 0, "su", new String[] {"su"}));
        assertThat(read("/proc/4/status")).isEqualTo(
                "Name:\tsu\nState:\tS (sleeping)\nPid:\t4\nPPid:\t1\nUid:\t100\t0\nGid:\t10\t20\n");
    }

    @Test
    void status_names_the_share_group_only_for_a_process_in_one() {
        add(new ProcessInfo(4, 1, 4, 1, 'R', 0, 0, 0, 0, 3, "m", new String[] {"m"}));
        add(proc(5, 1, 'R', 0, "n"));
        assertThat(read("/proc/4/status")).contains("State:\tR (running)\n").endsWith("ShareGroup:\t3\n");
        assertThat(read("/proc/5/status")).doesNotContain("ShareGroup");
    }

    @Test
    void status_shows_stopped_and_zombie_letters() {
        add(proc(4, 1, 'T', 0, "stopped"));
        add(proc(5, 1, 'Z', 0, "dead"));
        assertThat(read("/proc/4/status")).contains("State:\tT (stopped)\n");
        assertThat(read("/proc/5/status")).contains("State:\tZ (zombie)\n");
        // proc(5): a zombie's directory stays until it is reaped.
        assertThat(list("/proc", 10)).contains("5");
    }

    @Test
    void cmdline_is_the_arguments_each_ended_by_a_null_byte_and_empty_for_a_zombie() {
        add(proc(4, 1, 'R', 0, "echo", "a b", "c"));
        add(proc(5, 1, 'Z', 0, "dead", "x"));
        assertThat(read("/proc/4/cmdline")).isEqualTo("echo\0a b\0c\0");
        // proc(5): "If the process is a zombie, the file is empty."
        assertThat(read("/proc/5/cmdline")).isEmpty();
    }

    @Test
    void content_is_made_at_read_time_and_a_read_after_the_process_is_gone_fails_with_esrch() {
        add(proc(4, 1, 'R', 0, "p"));
        Entry f = fx.open(fx.at(USER), "/proc/4/status", O_RDONLY, 0);
        fx.kernel.processes.put(4, proc(4, 1, 'S', 0, "p"));
        assertThat(Fixture.read(f, 1000)).contains("State:\tS (sleeping)");
        f.lseek(0, sprocket.api.sys.Fcntl.SEEK_SET);
        fx.kernel.processes.remove(4);
        assertThat(f.read(new byte[10], 0, 10)).isEqualTo(-Errno.ESRCH);
    }

    @Test
    void self_is_a_symbolic_link_to_the_callers_own_directory() {
        add(proc(1, 0, 'S', 0, "init"));
        add(proc(9, 1, 'R', 100, "me"));
        fx.kernel.pid = 9;
        assertThat(fx.fs.readlink(fx.at(USER), "/proc/self", new int[1])).isEqualTo("9");
        assertThat(stat("/proc/self", false).type()).isEqualTo(FileMode.S_IFLNK);
        assertThat(stat("/proc/self", false).nlink()).isEqualTo(1);
        assertThat(stat("/proc/self", true).ino()).isEqualTo(dirIno(9));
        assertThat(read("/proc/self/status")).contains("Pid:\t9\n");
        fx.kernel.pid = 1;
        assertThat(read("/proc/self/status")).contains("Pid:\t1\n");
    }

    @Test
    void a_process_directory_and_its_files_belong_to_the_process_effective_ids_and_are_read_only() {
        add(new ProcessInfo(4, 1, 4, 1, 'R', 50, 100, 5, 10, 0, "p", new String[] {"p"}));
        Stat dir = stat("/proc/4", true);
        assertThat(dir.mode()).isEqualTo(FileMode.S_IFDIR | 0555);
        assertThat(dir.uid()).isEqualTo(100);
        assertThat(dir.gid()).isEqualTo(10);
        assertThat(dir.nlink()).isEqualTo(2);
        Stat status = stat("/proc/4/status", true);
        assertThat(status.mode()).isEqualTo(FileMode.S_IFREG | 0444);
        assertThat(status.uid()).isEqualTo(100);
        assertThat(status.nlink()).isEqualTo(1);
        assertThat(stat("/proc/4/cmdline", true).mode()).isEqualTo(FileMode.S_IFREG | 0444);
        // Two links, and one per process directory's "..".
        assertThat(stat("/proc", true).nlink()).isEqualTo(3);
        assertThat(list("/proc/4", 10)).containsExactly(".", "..", "cmdline", "status");
    }

    @Test
    void opening_for_writing_is_refused_even_to_root() {
        add(proc(4, 1, 'R', 100, "p"));
        for (var who : new sprocket.api.kernel.Credentials[] {ROOT, USER}) {
            assertThat(fx.fs.open(fx.at(who), "/proc/4/status", O_WRONLY, 0).errno()).isEqualTo(Errno.EACCES);
            assertThat(fx.fs.open(fx.at(who), "/proc/4/cmdline", O_RDWR, 0).errno()).isEqualTo(Errno.EACCES);
            assertThat(fx.fs.access(fx.vnode("/proc/4/status"), who, W_OK)).isEqualTo(Errno.EACCES);
            assertThat(fx.fs.access(fx.vnode("/proc/4/status"), who, R_OK)).isZero();
        }
        // An O_CREAT open of a file that exists opens it, read-only as asked.
        assertThat(fx.fs.open(fx.at(ROOT), "/proc/4/status", O_CREAT | O_RDONLY, 0644).errno()).isZero();
    }

    @Test
    void nothing_can_be_created_or_removed_in_proc_even_by_root() {
        add(proc(4, 1, 'R', 0, "p"));
        // Solaris prcreate: "One can't O_CREAT nonexistent files in /proc." (EACCES)
        assertThat(fx.fs.open(fx.at(ROOT), "/proc/4/new", O_CREAT | O_RDWR, 0644).errno()).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.open(fx.at(ROOT), "/proc/new", O_CREAT | O_RDWR, 0644).errno()).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/proc/new", 0755)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkfifo(fx.at(ROOT), "/proc/4/fifo", 0644)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.symlink(fx.at(ROOT), "/tmp", "/proc/link")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/proc/4", 0755)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/proc/4/status")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/proc/4/none")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/proc/4")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rename(fx.at(ROOT), "/proc/4/status", "/proc/4/s")).isEqualTo(Errno.EACCES);
        // Linux proc_setattr: "if (attr->ia_valid & ATTR_MODE) return -EPERM".
        assertThat(fx.fs.chmod(fx.at(ROOT), "/proc/4/status", 0666)).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.chown(fx.at(ROOT), "/proc/4", 100, 100)).isEqualTo(Errno.EPERM);
        assertThat(list("/proc/4", 10)).containsExactly(".", "..", "cmdline", "status");
    }

    @Test
    void a_directory_of_a_process_reaped_meanwhile_has_no_entries_left() {
        add(proc(4, 1, 'R', 0, "p"));
        Entry dir = fx.open(fx.at(USER), "/proc/4", O_RDONLY, 0);
        fx.kernel.processes.remove(4);
        assertThat(dir.getdents(new Dirent[10])).isZero();
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(dir.vnode(), USER), "status", true, errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOENT);
    }
}
