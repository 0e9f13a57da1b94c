package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.kernel.vfs.Fixture.OTHER;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

class SetAttrTest {

    private final Fixture fx = new Fixture();

    private void file(Credentials c, String path) {
        fx.open(fx.at(c), path, O_CREAT | O_RDWR, 0644).release();
    }

    private Stat stat(String path) {
        return fx.fs.stat(fx.vnode(path));
    }

    @Test
    void chmod_by_the_owner_sets_the_permission_bits_and_keeps_the_type() {
        file(USER, "/tmp/f");
        fx.kernel.now = 9 * FakeKernel.HZ;
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 0750)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0750);
        assertThat(stat("/tmp/f").ctime()).isEqualTo(9);
    }

    @Test
    void chmod_takes_only_the_07777_bits() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", FileMode.S_IFDIR | 0xF0000 | 04755)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 04755);
    }

    @Test
    void chmod_by_anyone_but_the_owner_or_root_is_eperm() {
        file(USER, "/tmp/f");
        // chmod(2): "EPERM The effective user ID does not match the owner of the file and is not super-user."
        assertThat(fx.fs.chmod(fx.at(OTHER), "/tmp/f", 0777)).isEqualTo(Errno.EPERM);
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0644);
        assertThat(fx.fs.chmod(fx.at(ROOT), "/tmp/f", 0600)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0600);
    }

    @Test
    void chmod_by_a_non_root_owner_outside_the_files_group_clears_set_group_id() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", -1, 99)).isZero();
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 02755)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0755);
        assertThat(fx.fs.chmod(fx.at(ROOT), "/tmp/f", 02755)).isZero();
        assertThat(stat("/tmp/f").mode()).as("root keeps it").isEqualTo(FileMode.S_IFREG | 02755);
        file(USER, "/tmp/own");
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/own", 02755)).as("in the caller's group").isZero();
        assertThat(stat("/tmp/own").mode()).isEqualTo(FileMode.S_IFREG | 02755);
    }

    @Test
    void chmod_by_a_non_root_owner_clears_the_sticky_bit_of_a_file_but_not_of_a_directory() {
        // chmod(2): "If the effective user ID of the process is not super-user and the file is not a directory,
        // mode bit 01000 (save text image on execution) is cleared."
        file(USER, "/tmp/f");
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 01755)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0755);
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d", 0755)).isZero();
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/d", 01777)).isZero();
        assertThat(stat("/tmp/d").mode()).isEqualTo(FileMode.S_IFDIR | 01777);
    }

    @Test
    void chmod_follows_a_symbolic_link() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.symlink(fx.at(USER), "f", "/tmp/l")).isZero();
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/l", 0600)).isZero();
        assertThat(stat("/tmp/f").mode()).isEqualTo(FileMode.S_IFREG | 0600);
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(USER), "/tmp/l", false, errno).mode()).isEqualTo(FileMode.S_IFLNK | 0777);
    }

    @Test
    void chmod_and_chown_of_a_missing_file_are_enoent() {
        assertThat(fx.fs.chmod(fx.at(ROOT), "/tmp/none", 0644)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/none", 1, 1)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.chmod(fx.at(ROOT), "/dev/null/x", 0644)).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void chown_by_root_sets_both_ids_and_keeps_set_id_bits() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 06755)).isZero();
        fx.kernel.now = 4 * FakeKernel.HZ;
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", 300, 30)).isZero();
        Stat st = stat("/tmp/f");
        assertThat(st.uid()).isEqualTo(300);
        assertThat(st.gid()).isEqualTo(30);
        assertThat(st.mode()).isEqualTo(FileMode.S_IFREG | 06755);
        assertThat(st.ctime()).isEqualTo(4);
    }

    @Test
    void chown_with_minus_one_keeps_that_id() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", -1, 30)).isZero();
        assertThat(stat("/tmp/f").uid()).isEqualTo(USER.euid());
        assertThat(stat("/tmp/f").gid()).isEqualTo(30);
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", 300, -1)).isZero();
        assertThat(stat("/tmp/f").uid()).isEqualTo(300);
        assertThat(stat("/tmp/f").gid()).isEqualTo(30);
    }

    @Test
    void chown_by_anyone_but_root_is_eperm_even_by_the_owner() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chown(fx.at(USER), "/tmp/f", OTHER.euid(), -1)).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.chown(fx.at(USER), "/tmp/f", -1, USER.egid())).isEqualTo(Errno.EPERM);
        assertThat(stat("/tmp/f").uid()).isEqualTo(USER.euid());
    }

    @Test
    void chown_to_an_id_out_of_range_is_einval() {
        file(USER, "/tmp/f");
        // chown(2): "EINVAL owner or group is out of range"; SVR4 MAXUID is 60002.
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", 60003, -1)).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", -1, -2)).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/f", 60002, 60002)).isZero();
    }

    @Test
    void chown_follows_a_symbolic_link() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.symlink(fx.at(USER), "f", "/tmp/l")).isZero();
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/l", 7, 8)).isZero();
        assertThat(stat("/tmp/f").uid()).isEqualTo(7);
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(ROOT), "/tmp/l", false, errno).uid()).isEqualTo(USER.euid());
    }

    @Test
    void lchown_changes_a_symbolic_link_itself_and_chown_its_target() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.symlink(fx.at(USER), "f", "/tmp/l")).isZero();
        // lchown(2): "In this case lchown changes the ownership of the symbolic link file itself."
        assertThat(fx.fs.lchown(fx.at(ROOT), "/tmp/l", 7, 8)).isZero();
        assertThat(fx.fs.stat(fx.vnode("/tmp/l", false)).uid()).isEqualTo(7);
        assertThat(stat("/tmp/f").uid()).isEqualTo(USER.euid());
        assertThat(fx.fs.chown(fx.at(ROOT), "/tmp/l", 9, -1)).isZero();
        assertThat(stat("/tmp/f").uid()).isEqualTo(9);
        assertThat(fx.fs.stat(fx.vnode("/tmp/l", false)).uid()).isEqualTo(7);
        // As chown: "EPERM The effective user ID does not match the owner of the file and is not super-user" (and
        // only the super-user changes an owner under {_POSIX_CHOWN_RESTRICTED}); ENOENT for no such name.
        assertThat(fx.fs.lchown(fx.at(USER), "/tmp/l", 1, 1)).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.lchown(fx.at(ROOT), "/tmp/none", 1, 1)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.lchown(fx.at(ROOT), "/tmp/l", SetAttr.MAXUID + 1, 1)).isEqualTo(Errno.EINVAL);
    }

    @Test
    void utime_sets_the_times_given_and_the_change_time_to_now() {
        file(USER, "/tmp/f");
        fx.kernel.now = 50 * FakeKernel.HZ;
        // utime(2): "If times is not NULL, times is interpreted as a pointer to a utimbuf structure and the access
        // and modification times are set to the values contained in the designated structure."
        assertThat(fx.fs.utime(fx.at(USER), "/tmp/f", new long[] {1000, 2000})).isZero();
        Stat st = stat("/tmp/f");
        assertThat(new long[] {st.atime(), st.mtime(), st.ctime()}).containsExactly(1000, 2000, 50);
        // "If times is NULL, the access and modification times of the file are set to the current time."
        fx.kernel.now = 60 * FakeKernel.HZ;
        assertThat(fx.fs.utime(fx.at(USER), "/tmp/f", null)).isZero();
        st = stat("/tmp/f");
        assertThat(new long[] {st.atime(), st.mtime(), st.ctime()}).containsExactly(60, 60, 60);
    }

    @Test
    void utime_to_now_needs_ownership_or_write_permission_and_to_chosen_times_ownership() {
        file(USER, "/tmp/f");
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 0646)).isZero();
        // "A process must be the owner of the file or have write permission to use utime in this manner."
        assertThat(fx.fs.utime(fx.at(OTHER), "/tmp/f", null)).isZero();
        // "EPERM The effective user ID is not super-user and not the owner of the file and times is not NULL."
        assertThat(fx.fs.utime(fx.at(OTHER), "/tmp/f", new long[] {1, 1})).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.utime(fx.at(ROOT), "/tmp/f", new long[] {1, 1})).isZero();
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/f", 0644)).isZero();
        // "EACCES The effective user ID is not super-user and not the owner of the file and write access is denied."
        assertThat(fx.fs.utime(fx.at(OTHER), "/tmp/f", null)).isEqualTo(Errno.EACCES);
        assertThat(stat("/tmp/f").mtime()).isEqualTo(1);
        // "ENOENT The named file does not exist."
        assertThat(fx.fs.utime(fx.at(ROOT), "/tmp/none", null)).isEqualTo(Errno.ENOENT);
    }
}
