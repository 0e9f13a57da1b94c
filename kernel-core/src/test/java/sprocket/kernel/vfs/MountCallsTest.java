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

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.fs.FilePages;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Mount;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Statvfs;

/** mount(2) and umount(2) on memfs: new file systems on directories, their errors, read-only mounts, and unmounting. */
class MountCallsTest {

    private static final Vnode[] NONE = new Vnode[0];

    private final Fixture fx = new Fixture();

    MountCallsTest() {
        fx.kernel.processes.put(1, new ProcessInfo(1, 0, 1, 1, 'S', 0, 0, 0, 0, 0, "init", new String[] {"init"}));
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt", 0755)).isZero();
    }

    private int mount(String source, String target, String type, int flags) {
        return fx.fs.mount(fx.at(ROOT), source, target, type, flags);
    }

    private int umount(String target, Vnode... inUse) {
        return fx.fs.umount(fx.at(ROOT), target, inUse);
    }

    private Stat stat(String path) {
        int[] errno = new int[1];
        Stat st = fx.fs.stat(fx.at(ROOT), path, false, errno);
        assertThat(errno[0]).as("stat %s", path).isZero();
        return st;
    }

    private int statErrno(String path) {
        int[] errno = new int[1];
        fx.fs.stat(fx.at(ROOT), path, false, errno);
        return errno[0];
    }

    private String mountsText() {
        var f = fx.open(fx.at(ROOT), "/proc/mounts", O_RDONLY, 0);
        String text = Fixture.read(f, 1000);
        f.release();
        return text;
    }

    @Test
    void only_the_super_user_mounts_and_unmounts() {
        // SVR4 mount(2), umount(2): "EPERM The effective user ID is not super-user."
        assertThat(fx.fs.mount(fx.at(USER), "t", "/mnt", Mount.MEMFS, 0)).isEqualTo(Errno.EPERM);
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.umount(fx.at(USER), "/mnt", NONE)).isEqualTo(Errno.EPERM);
        assertThat(stat("/mnt").dev()).isNotEqualTo(stat("/").dev());
    }

    @Test
    void an_unknown_type_is_enodev_and_an_unknown_flag_einval() {
        // mount(2): "ENODEV filesystemtype not configured in the kernel."
        assertThat(mount("t", "/mnt", "ext2", 0)).isEqualTo(Errno.ENODEV);
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0x10)).isEqualTo(Errno.EINVAL);
        assertThat(mountsText()).doesNotContain("/mnt");
    }

    @Test
    void the_target_must_exist_be_a_directory_and_not_be_a_root_already() {
        // mount(2): "ENOENT A pathname was empty or had a nonexistent component."
        assertThat(mount("t", "/nowhere", Mount.MEMFS, 0)).isEqualTo(Errno.ENOENT);
        fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644).release();
        // mount(2): "ENOTDIR target, or a prefix of source, is not a directory."
        assertThat(mount("t", "/tmp/f", Mount.MEMFS, 0)).isEqualTo(Errno.ENOTDIR);
        assertThat(mount("t", "/tmp/f/x", Mount.MEMFS, 0)).isEqualTo(Errno.ENOTDIR);
        // SVR4 mount(2): "EBUSY dir is currently mounted on ... or is otherwise busy."
        assertThat(mount("t", "/", Mount.MEMFS, 0)).isEqualTo(Errno.EBUSY);
        assertThat(mount("t", "/proc", Mount.MEMFS, 0)).isEqualTo(Errno.EBUSY);
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(mount("u", "/mnt", Mount.MEMFS, 0)).isEqualTo(Errno.EBUSY);
        assertThat(mount("u", "/mnt/.", Mount.MEMFS, 0)).isEqualTo(Errno.EBUSY);
        // A /proc directory is made afresh at every lookup: nowhere to keep a mount.
        assertThat(mount("u", "/proc/1", Mount.MEMFS, 0)).isEqualTo(Errno.EACCES);
    }

    @Test
    void a_process_in_the_covered_directory_cannot_mount_on_it_again_through_dot() {
        Vnode covered = fx.vnode("/mnt");
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.mount(fx.at(covered, ROOT), "u", ".", Mount.MEMFS, 0)).isEqualTo(Errno.EBUSY);
    }

    @Test
    void a_new_memfs_is_empty_world_writable_and_sticky_with_its_own_device_and_root_i_number() {
        var f = fx.open(fx.at(ROOT), "/mnt/hidden", O_CREAT | O_RDWR, 0644);
        f.release();
        assertThat(mount("scratch", "/mnt", Mount.MEMFS, 0)).isZero();
        Stat root = stat("/mnt");
        // tmpfs(5): the root directory's mode defaults to 1777.
        assertThat(root.mode()).isEqualTo(FileMode.S_IFDIR | FileMode.S_ISVTX | 0777);
        assertThat(root.ino()).isEqualTo(2);
        assertThat(root.dev()).isNotEqualTo(stat("/").dev()).isNotEqualTo(stat("/proc").dev());
        assertThat(statErrno("/mnt/hidden")).isEqualTo(Errno.ENOENT);
        var dir = fx.open(fx.at(ROOT), "/mnt", O_RDONLY, 0);
        Dirent[] buf = new Dirent[8];
        assertThat(dir.getdents(buf)).isEqualTo(2);
        // ".." at a mounted root is the covered directory's parent, "/".
        assertThat(buf[1].ino()).isEqualTo(stat("/").ino());
        dir.release();
    }

    @Test
    void files_made_on_the_new_file_system_take_its_device_and_dot_dot_climbs_back_out() {
        assertThat(mount("scratch", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isZero();
        var f = fx.open(fx.at(ROOT), "/mnt/d/f", O_CREAT | O_WRONLY, 0644);
        assertThat(Fixture.write(f, "hello")).isEqualTo(5);
        f.release();
        assertThat(stat("/mnt/d/f").dev()).isEqualTo(stat("/mnt").dev());
        assertThat(stat("/mnt/d").ino()).isEqualTo(3);
        assertThat(stat("/mnt/d/../..").ino()).isEqualTo(stat("/").ino());
        assertThat(stat("/mnt/d/../../tmp").dev()).isEqualTo(stat("/").dev());
        Vnode d = fx.vnode("/mnt/d");
        assertThat(fx.fs.path(fx.fs.root(), d)).isEqualTo("/mnt/d");
        assertThat(fx.fs.stat(fx.at(d, ROOT), "../../tmp", true, new int[1]).ino()).isEqualTo(stat("/tmp").ino());
        // link(2): "EXDEV ... on different file systems."
        assertThat(fx.fs.link(fx.at(ROOT), "/mnt/d/f", "/tmp/f")).isEqualTo(Errno.EXDEV);
        assertThat(fx.fs.rename(fx.at(ROOT), "/mnt/d/f", "/tmp/f")).isEqualTo(Errno.EXDEV);
    }

    @Test
    void proc_mounts_lists_new_mounts_with_ro_or_rw_and_escapes_blanks() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/ro", 0755)).isZero();
        assertThat(mount("scratch", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(mount("my disk", "/ro", Mount.MEMFS, Mount.MS_RDONLY)).isZero();
        assertThat(mountsText()).isEqualTo("""
                memfs / memfs rw 0 0
                proc /proc proc rw 0 0
                scratch /mnt memfs rw 0 0
                my\\040disk /ro memfs ro 0 0
                """);
    }

    @Test
    void a_read_only_mount_refuses_every_change_with_erofs() {
        assertThat(mount("ro", "/mnt", Mount.MEMFS, Mount.MS_RDONLY)).isZero();
        // open(2): "EROFS The named file resides on a read-only file system and either O_WRONLY, O_RDWR, O_CREAT ..."
        assertThat(fx.fs.open(fx.at(ROOT), "/mnt/f", O_CREAT | O_WRONLY, 0644).errno()).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.mkfifo(fx.at(ROOT), "/mnt/p", 0644)).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.mksock(fx.at(ROOT), "/mnt/s", 0644).errno()).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.symlink(fx.at(ROOT), "/tmp", "/mnt/l")).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/mnt/f")).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/mnt/d")).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.rename(fx.at(ROOT), "/mnt/a", "/mnt/b")).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.chmod(fx.at(ROOT), "/mnt", 0700)).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.chown(fx.at(ROOT), "/mnt", 100, 10)).isEqualTo(Errno.EROFS);
        // access(2): "EROFS Write access is requested for a file on a read-only file system."
        assertThat(fx.fs.access(fx.vnode("/mnt"), ROOT, W_OK)).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.access(fx.vnode("/mnt"), ROOT, R_OK)).isZero();
        assertThat(stat("/mnt").mode() & 07777).isEqualTo(FileMode.S_ISVTX | 0777);
    }

    @Test
    void a_read_only_view_of_proc_refuses_writes_with_erofs() {
        assertThat(mount("proc", "/mnt", Mount.PROC, Mount.MS_RDONLY)).isZero();
        assertThat(fx.fs.open(fx.at(ROOT), "/mnt/1/status", O_WRONLY, 0).errno()).isEqualTo(Errno.EROFS);
        var f = fx.open(fx.at(ROOT), "/mnt/1/status", O_RDONLY, 0);
        assertThat(Fixture.read(f, 100)).startsWith("Name:\tinit\n");
        f.release();
    }

    @Test
    void another_view_of_proc_lists_the_same_processes_and_climbs_out_to_its_own_parent() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/p", 0755)).isZero();
        assertThat(mount("proc", "/mnt/p", Mount.PROC, 0)).isZero();
        assertThat(stat("/mnt/p/1").type()).isEqualTo(FileMode.S_IFDIR);
        assertThat(stat("/mnt/p").dev()).isNotEqualTo(stat("/proc").dev());
        assertThat(stat("/mnt/p/..").ino()).isEqualTo(stat("/mnt").ino());
        assertThat(stat("/proc/..").ino()).isEqualTo(stat("/").ino());
        assertThat(fx.fs.path(fx.fs.root(), fx.vnode("/mnt/p/1"))).isEqualTo("/mnt/p/1");
        assertThat(umount("/mnt/p")).isZero();
        assertThat(statErrno("/mnt/p/1")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void umount_of_a_directory_that_is_no_mount_point_is_einval_and_of_the_root_ebusy() {
        // umount(2): "EINVAL target is not a mount point."
        assertThat(umount("/mnt")).isEqualTo(Errno.EINVAL);
        assertThat(umount("/proc/1")).isEqualTo(Errno.EINVAL);
        assertThat(umount("/nowhere")).isEqualTo(Errno.ENOENT);
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isZero();
        assertThat(umount("/mnt/d")).isEqualTo(Errno.EINVAL);
        // The root file system holds every process's root directory: always busy.
        assertThat(umount("/")).isEqualTo(Errno.EBUSY);
    }

    @Test
    void umount_is_ebusy_while_a_file_on_it_is_open_or_mapped() {
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        var f = fx.open(fx.at(ROOT), "/mnt/f", O_CREAT | O_RDWR, 0644);
        // umount(2): "EBUSY target could not be unmounted because it is busy."
        assertThat(umount("/mnt")).isEqualTo(Errno.EBUSY);
        FilePages pages = f.pages();
        f.release();
        assertThat(umount("/mnt")).as("a mapping holds the file").isEqualTo(Errno.EBUSY);
        pages.release();
        var dir = fx.open(fx.at(ROOT), "/mnt", O_RDONLY, 0);
        assertThat(umount("/mnt")).as("the root itself open").isEqualTo(Errno.EBUSY);
        dir.release();
        assertThat(umount("/mnt")).isZero();
        assertThat(fx.fs.openFiles()).isZero();
    }

    @Test
    void umount_is_ebusy_while_a_process_has_its_current_or_root_directory_on_it() {
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isZero();
        Vnode d = fx.vnode("/mnt/d");
        assertThat(umount("/mnt", fx.fs.root(), d)).isEqualTo(Errno.EBUSY);
        assertThat(umount("/mnt", fx.vnode("/mnt"))).isEqualTo(Errno.EBUSY);
        assertThat(umount("/mnt", fx.fs.root(), fx.vnode("/tmp"))).isZero();
    }

    @Test
    void umount_is_ebusy_while_another_file_system_is_mounted_on_it() {
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/in", 0755)).isZero();
        assertThat(mount("u", "/mnt/in", Mount.MEMFS, 0)).isZero();
        assertThat(umount("/mnt")).isEqualTo(Errno.EBUSY);
        assertThat(umount("/mnt/in")).isZero();
        assertThat(umount("/mnt")).isZero();
    }

    @Test
    void after_umount_its_files_are_gone_and_freed_and_the_covered_directory_shows_again() {
        var hidden = fx.open(fx.at(ROOT), "/mnt/hidden", O_CREAT | O_RDWR, 0644);
        hidden.release();
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        int dev = stat("/mnt").dev();
        var f = fx.open(fx.at(ROOT), "/mnt/f", O_CREAT | O_RDWR, 0644);
        Fixture.write(f, "data that goes");
        f.release();
        assertThat(fx.fs.link(fx.at(ROOT), "/mnt/f", "/mnt/g")).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isZero();
        Vnode file = fx.vnode("/mnt/f");
        assertThat(umount("/mnt/")).isZero();
        assertThat(statErrno("/mnt/f")).isEqualTo(Errno.ENOENT);
        assertThat(stat("/mnt/hidden").type()).isEqualTo(FileMode.S_IFREG);
        assertThat(stat("/mnt").dev()).isEqualTo(stat("/").dev());
        // Every name removed, both links included, so the file's storage went (unlink(2)'s rule, all names at once).
        assertThat(fx.fs.stat(file).nlink()).isZero();
        assertThat(fx.fs.stat(file).size()).isZero();
        assertThat(mountsText()).doesNotContain("/mnt");
        // The device number is free again for the next file system.
        assertThat(mount("t2", "/mnt", Mount.MEMFS, 0)).isZero();
        assertThat(stat("/mnt").dev()).isEqualTo(dev);
        assertThat(statErrno("/mnt/f")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void proc_itself_can_be_unmounted_and_mounted_again() {
        assertThat(umount("/proc")).isZero();
        assertThat(statErrno("/proc/1")).isEqualTo(Errno.ENOENT);
        assertThat(stat("/proc").dev()).isEqualTo(stat("/").dev());
        assertThat(mount("proc", "/proc", Mount.PROC, 0)).isZero();
        assertThat(stat("/proc/1").type()).isEqualTo(FileMode.S_IFDIR);
        assertThat(mountsText()).isEqualTo("memfs / memfs rw 0 0\nproc /proc proc rw 0 0\n");
    }

    @Test
    void the_mount_point_in_proc_mounts_follows_a_rename_of_a_directory_above_it() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/a", 0755)).isZero();
        assertThat(mount("t", "/mnt/a", Mount.MEMFS, 0)).isZero();
        assertThat(fx.fs.rename(fx.at(ROOT), "/mnt", "/media")).isZero();
        assertThat(mountsText()).endsWith("t /media/a memfs rw 0 0\n");
        assertThat(umount("/media/a")).isZero();
    }

    @Test
    void statvfs_counts_a_memfs_in_pages_and_names_its_device_type_and_read_only_flag() {
        assertThat(mount("t", "/mnt", Mount.MEMFS, 0)).isZero();
        int[] errno = new int[1];
        // statvfs(2): "statvfs returns a 'generic superblock' describing a file system"; f_frsize is the unit of
        // f_blocks, f_bfree and f_bavail, f_fsid the file system's id, f_basetype its type's name.
        Statvfs empty = fx.fs.statvfs(fx.at(USER), "/mnt", errno);
        assertThat(empty.frsize()).isPositive();
        assertThat(empty.blocks()).isPositive();
        assertThat(empty.bfree()).isEqualTo(empty.blocks());
        assertThat(empty.bavail()).isEqualTo(empty.blocks());
        assertThat(empty.fsid()).isEqualTo(stat("/mnt").dev());
        assertThat(empty.basetype()).isEqualTo(Mount.MEMFS);
        assertThat(empty.flag()).isZero();
        assertThat(empty.namemax()).isEqualTo(255);
        var f = fx.open(fx.at(ROOT), "/mnt/f", O_CREAT | O_WRONLY, 0644);
        assertThat(Fixture.write(f, "x".repeat((int) empty.frsize() + 1))).isEqualTo((int) empty.frsize() + 1);
        f.release();
        Statvfs used = fx.fs.statvfs(fx.at(USER), "/mnt/f", errno);
        assertThat(used.bfree()).isEqualTo(empty.blocks() - 2);
        assertThat(fx.fs.statvfs(fx.at(USER), "/", errno).fsid()).isNotEqualTo(empty.fsid());
        // "ENOENT Either a component of the path prefix or the file referred to by path does not exist."
        assertThat(fx.fs.statvfs(fx.at(USER), "/mnt/none", errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOENT);
        // "ENOTDIR A component of the path prefix of path is not a directory."
        assertThat(fx.fs.statvfs(fx.at(USER), "/mnt/f/g", errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/mnt/f")).isZero();
        assertThat(umount("/mnt")).isZero();
        // f_flag: "ST_RDONLY read-only file system".
        assertThat(mount("ro", "/mnt", Mount.MEMFS, Mount.MS_RDONLY)).isZero();
        assertThat(fx.fs.statvfs(fx.at(USER), "/mnt", errno).flag()).isEqualTo(Statvfs.ST_RDONLY);
    }
}
