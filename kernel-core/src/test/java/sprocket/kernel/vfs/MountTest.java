package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.kernel.vfs.Fixture.ROOT;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/** The mount table: memfs at "/", procfs on /proc, and path resolution crossing between them both ways. */
class MountTest {

    /** The i-number of a process file system's root, as Solaris' PRROOTINO. */
    private static final long PROC_ROOT_INO = 2;

    private final Fixture fx = new Fixture();

    MountTest() {
        fx.kernel.processes.put(1, new ProcessInfo(1, 0, 1, 1, 'S', 0, 0, 0, 0, 0, "init", new String[] {"init"}));
    }

    private Stat stat(String path) {
        int[] errno = new int[1];
        Stat st = fx.fs.stat(fx.at(ROOT), path, false, errno);
        assertThat(errno[0]).as("stat %s", path).isZero();
        return st;
    }

    @Test
    void proc_is_a_different_file_system_from_the_root_and_each_keeps_its_own_device() {
        assertThat(stat("/proc").dev()).isNotEqualTo(stat("/").dev());
        assertThat(stat("/proc/1").dev()).isEqualTo(stat("/proc").dev());
        assertThat(stat("/proc/1/status").dev()).isEqualTo(stat("/proc").dev());
        assertThat(stat("/tmp").dev()).isEqualTo(stat("/").dev());
    }

    @Test
    void looking_up_proc_finds_the_mounted_root_not_the_directory_it_covers() {
        // The covered directory is 0555 and empty; the mounted root lists processes.
        assertThat(fx.vnode("/proc").ino()).isEqualTo(PROC_ROOT_INO);
        assertThat(stat("/proc/1").type()).isEqualTo(FileMode.S_IFDIR);
    }

    @Test
    void dot_dot_at_a_mounted_root_is_the_parent_of_the_directory_it_covers() {
        // SVR4 lookuppn: at the root of a mounted file system, ".." is looked up in the covered vnode.
        assertThat(stat("/proc/..").ino()).isEqualTo(stat("/").ino());
        assertThat(stat("/proc/..").dev()).isEqualTo(stat("/").dev());
        assertThat(stat("/proc/1/../../tmp").ino()).isEqualTo(stat("/tmp").ino());
        var cwd = fx.vnode("/proc/1");
        assertThat(fx.fs.stat(fx.at(cwd, ROOT), "../../dev/null", true, new int[1]).ino())
                .isEqualTo(stat("/dev/null").ino());
    }

    @Test
    void getcwd_names_a_directory_under_proc_by_climbing_through_the_mount_point() {
        assertThat(fx.fs.path(fx.fs.root(), fx.vnode("/proc/1"))).isEqualTo("/proc/1");
        assertThat(fx.fs.path(fx.fs.root(), fx.vnode("/proc"))).isEqualTo("/proc");
    }

    @Test
    void link_across_file_systems_fails_with_exdev() {
        // link(2): "EXDEV The link named by path2 and the file named by path1 are on different file systems."
        assertThat(fx.fs.link(fx.at(ROOT), "/proc/1/status", "/tmp/status")).isEqualTo(Errno.EXDEV);
        fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644).release();
        assertThat(fx.fs.link(fx.at(ROOT), "/tmp/f", "/proc/1/f")).isEqualTo(Errno.EXDEV);
    }

    @Test
    void rename_across_file_systems_fails_with_exdev() {
        // rename(2): "EXDEV The links named by old and new are on different file systems."
        assertThat(fx.fs.rename(fx.at(ROOT), "/proc/1/status", "/tmp/status")).isEqualTo(Errno.EXDEV);
        fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644).release();
        assertThat(fx.fs.rename(fx.at(ROOT), "/tmp/f", "/proc/1/f")).isEqualTo(Errno.EXDEV);
        assertThat(stat("/tmp/f").type()).isEqualTo(FileMode.S_IFREG);
    }

    @Test
    void a_mount_point_cannot_be_removed_or_renamed_or_replaced() {
        // rmdir(2): "EBUSY The directory to be removed is the mount point for a mounted file system."
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/proc")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.rename(fx.at(ROOT), "/proc", "/tmp/p")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/empty", 0755)).isZero();
        assertThat(fx.fs.rename(fx.at(ROOT), "/tmp/empty", "/proc")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/proc", 0755)).isEqualTo(Errno.EEXIST);
        assertThat(stat("/proc").ino()).isEqualTo(PROC_ROOT_INO);
    }

    @Test
    void proc_mounts_lists_every_mounted_file_system_in_mount_order() {
        var f = fx.open(fx.at(ROOT), "/proc/mounts", O_RDONLY, 0);
        assertThat(Fixture.read(f, 200)).isEqualTo("memfs / memfs rw 0 0\nproc /proc proc rw 0 0\n");
    }

    @Test
    void installing_under_a_mount_point_is_refused() {
        assertThat(fx.fs.install("/proc/x", new byte[] {1}, 0644)).isEqualTo(Errno.EACCES);
    }
}
