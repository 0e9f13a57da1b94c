package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.kernel.vfs.Fixture.OTHER;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

class DirectoryOpsTest {

    private final Fixture fx = new Fixture();

    @Test
    void mkdir_makes_a_directory_with_mode_under_umask_owned_by_the_caller() {
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d", 0777)).isZero();
        var st = fx.fs.stat(fx.vnode("/tmp/d"));
        assertThat(st.mode()).isEqualTo(FileMode.S_IFDIR | 0755);
        assertThat(st.uid()).isEqualTo(100);
        assertThat(st.gid()).isEqualTo(10);
        assertThat(st.nlink()).isEqualTo(2);
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d/e/", 0700)).as("a trailing slash is fine").isZero();
    }

    @Test
    void mkdir_of_an_existing_name_is_eexist() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp", 0755)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/dev/null", 0755)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/", 0755)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/.", 0755)).isEqualTo(Errno.EEXIST);
    }

    @Test
    void mkdir_in_a_missing_parent_is_enoent_and_in_a_file_is_enotdir() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/a/b", 0755)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/dev/null/b", 0755)).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void mkdir_needs_write_permission_on_the_parent() {
        assertThat(fx.fs.mkdir(fx.at(USER), "/bin/mine", 0755)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.lookup(fx.at(ROOT), "/bin/mine").errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void rmdir_removes_an_empty_directory_and_fixes_the_link_counts() {
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d", 0755)).isZero();
        long tmpLinks = fx.fs.stat(fx.vnode("/tmp")).nlink();
        var d = fx.vnode("/tmp/d");
        assertThat(fx.fs.rmdir(fx.at(USER), "/tmp/d")).isZero();
        assertThat(fx.fs.stat(fx.vnode("/tmp")).nlink()).isEqualTo(tmpLinks - 1);
        assertThat(fx.fs.stat(d).nlink()).isZero();
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/d").errno()).isEqualTo(Errno.ENOENT);
        // rmdir(2): "no new entries may be created in the directory" once removed.
        assertThat(fx.fs.mkdir(fx.at(d, USER), "x", 0755)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.open(fx.at(d, USER), "f", O_CREAT | O_RDWR, 0644).errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void rmdir_of_a_non_empty_directory_is_enotempty() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/d", 0755)).isZero();
        fx.open(fx.at(ROOT), "/tmp/d/f", O_CREAT | O_RDWR, 0644).release();
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/d")).isEqualTo(Errno.ENOTEMPTY);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/d/f/..")).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/d/..")).as("'..' names /tmp, which holds d").isEqualTo(Errno.ENOTEMPTY);
    }

    @Test
    void rmdir_of_the_root_is_ebusy_and_of_dot_is_einval() {
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/..")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/d", 0755)).isZero();
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/d/.")).isEqualTo(Errno.EINVAL);
        var d = fx.vnode("/tmp/d");
        assertThat(fx.fs.rmdir(fx.at(d, ROOT), ".")).isEqualTo(Errno.EINVAL);
        // IRIX rmdir(2): "EINVAL The directory to be removed is the current directory."
        assertThat(fx.fs.rmdir(fx.at(d, ROOT), "/tmp/d")).isEqualTo(Errno.EINVAL);
        var chrooted = new NameContext(d, d, ROOT);
        assertThat(fx.fs.rmdir(new NameContext(fx.fs.root(), d, ROOT), "/")).isEqualTo(Errno.EBUSY);
        assertThat(fx.fs.rmdir(chrooted, "/..")).isEqualTo(Errno.EBUSY);
    }

    @Test
    void rmdir_of_a_missing_name_is_enoent_and_of_a_file_enotdir() {
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/none")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/dev/null")).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void rmdir_and_unlink_need_write_permission_on_the_parent() {
        assertThat(fx.fs.rmdir(fx.at(USER), "/bin")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.unlink(fx.at(USER), "/dev/null")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/dev/null")).isZero();
    }

    @Test
    void the_sticky_tmp_lets_only_the_owner_remove_a_file() {
        fx.open(fx.at(USER), "/tmp/mine", O_CREAT | O_RDWR, 0644).release();
        // IRIX unlink(2): EACCES if "the parent directory has the sticky bit set and the file is not writable by the
        // user; the user does not own the parent directory and the user does not own the file".
        assertThat(fx.fs.unlink(fx.at(OTHER), "/tmp/mine")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/mine")).isZero();
        var noMask = new sprocket.api.kernel.Credentials(100, 100, 10, 10, 0);
        fx.open(fx.at(noMask), "/tmp/theirs", O_CREAT | O_RDWR, 0666).release();
        assertThat(fx.fs.unlink(fx.at(OTHER), "/tmp/theirs")).as("writable by the user").isZero();
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/dir", 0755)).isZero();
        assertThat(fx.fs.rmdir(fx.at(OTHER), "/tmp/dir")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/dir")).isZero();
    }

    @Test
    void unlink_of_a_directory_is_eperm_and_of_a_missing_name_enoent() {
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp")).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/")).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/none")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.unlink(fx.at(ROOT), "")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void unlink_updates_the_parent_times_and_the_link_count() {
        var f = fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644);
        fx.kernel.now = 50 * FakeKernel.HZ;
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/f")).isZero();
        var tmp = fx.fs.stat(fx.vnode("/tmp"));
        assertThat(tmp.mtime()).isEqualTo(50);
        assertThat(tmp.ctime()).isEqualTo(50);
        assertThat(f.stat().nlink()).isZero();
    }

    @Test
    void getcwd_walks_the_parents_up_to_the_root() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/a", 0755)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/a/b", 0755)).isZero();
        var b = fx.vnode("/tmp/a/b");
        assertThat(fx.fs.path(fx.fs.root(), b)).isEqualTo("/tmp/a/b");
        assertThat(fx.fs.path(fx.fs.root(), fx.fs.root())).isEqualTo("/");
        assertThat(fx.fs.path(fx.vnode("/tmp"), b)).as("under a chroot").isEqualTo("/a/b");
        assertThat(fx.fs.path(fx.vnode("/dev"), b)).as("not under that root").isNull();
        assertThat(fx.fs.path(fx.fs.root(), fx.vnode("/dev/null"))).isNull();
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/a/b")).isZero();
        assertThat(fx.fs.path(fx.fs.root(), b)).as("removed").isNull();
    }

    @Test
    void install_makes_a_root_owned_file_and_the_directories_on_the_way() {
        byte[] text = "#!prog".getBytes(StandardCharsets.US_ASCII);
        assertThat(fx.fs.install("/usr/local/bin/prog", text, 0755)).isZero();
        var st = fx.fs.stat(fx.vnode("/usr/local/bin/prog"));
        assertThat(st.mode()).isEqualTo(FileMode.S_IFREG | 0755);
        assertThat(st.uid()).isZero();
        assertThat(st.size()).isEqualTo(6);
        assertThat(fx.fs.stat(fx.vnode("/usr/local")).mode()).isEqualTo(FileMode.S_IFDIR | 0755);
        text[0] = 'X';
        var f = fx.open(fx.at(USER), "/usr/local/bin/prog", O_RDONLY, 0);
        assertThat(Fixture.read(f, 10)).as("install copies the contents").isEqualTo("#!prog");
    }

    @Test
    void install_replaces_an_existing_file_and_refuses_a_directory_or_a_file_in_the_way() {
        assertThat(fx.fs.install("/bin/x", new byte[10], 0700)).isZero();
        assertThat(fx.fs.install("/bin/x", new byte[3], 0755)).isZero();
        assertThat(fx.fs.stat(fx.vnode("/bin/x")).size()).isEqualTo(3);
        assertThat(fx.fs.stat(fx.vnode("/bin/x")).mode()).isEqualTo(FileMode.S_IFREG | 0755);
        assertThat(fx.fs.install("/bin", new byte[1], 0755)).isEqualTo(Errno.EISDIR);
        assertThat(fx.fs.install("/bin/x/y/z", new byte[1], 0755)).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.install("/new/" + "n".repeat(256) + "/f", new byte[1], 0755)).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(fx.fs.lookup(fx.at(ROOT), "/new").errno()).as("a failed install makes nothing").isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.install("", new byte[1], 0755)).isEqualTo(Errno.ENOENT);
    }

    @Test
    void access_checks_the_bits_asked_for() {
        var nul = fx.vnode("/dev/null");
        assertThat(fx.fs.access(nul, USER, Fcntl.R_OK | Fcntl.W_OK)).isZero();
        assertThat(fx.fs.access(nul, USER, Fcntl.X_OK)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.access(nul, ROOT, Fcntl.X_OK)).as("root needs some x bit").isEqualTo(Errno.EACCES);
        assertThat(fx.fs.access(fx.vnode("/bin"), ROOT, Fcntl.X_OK)).isZero();
        assertThat(fx.fs.access(fx.vnode("/bin"), USER, Fcntl.W_OK)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.access(nul, USER, Fcntl.F_OK)).isZero();
        assertThat(fx.fs.access(nul, USER, 8)).isEqualTo(Errno.EINVAL);
    }

    @Test
    void stat_and_lstat_report_errors_through_the_errno_array() {
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(ROOT), "/nope", true, errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOENT);
        errno[0] = 0;
        assertThat(fx.fs.stat(fx.at(ROOT), "/dev/null", false, errno).type()).isEqualTo(FileMode.S_IFCHR);
        assertThat(errno[0]).isZero();
    }

    @Test
    void a_file_can_be_created_again_after_unlink_and_is_a_new_file() {
        var f = fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644);
        long ino = f.stat().ino();
        Fixture.write(f, "old");
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/f")).isZero();
        var g = fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644);
        assertThat(g.stat().ino()).isNotEqualTo(ino);
        assertThat(g.stat().size()).isZero();
        f.lseek(0, Fcntl.SEEK_SET);
        assertThat(Fixture.read(f, 9)).isEqualTo("old");
    }
}
