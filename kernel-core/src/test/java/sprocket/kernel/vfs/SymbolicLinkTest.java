package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_EXCL;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

class SymbolicLinkTest {

    private final Fixture fx = new Fixture();

    private Stat lstat(String path) {
        int[] errno = new int[1];
        Stat st = fx.fs.stat(fx.at(ROOT), path, false, errno);
        assertThat(errno[0]).as("lstat %s", path).isZero();
        return st;
    }

    private int statErrno(String path, boolean follow) {
        int[] errno = new int[1];
        fx.fs.stat(fx.at(ROOT), path, follow, errno);
        return errno[0];
    }

    private void file(String path, String contents) {
        var f = fx.open(fx.at(ROOT), path, O_CREAT | O_RDWR, 0644);
        write(f, contents);
        f.release();
    }

    @Test
    void a_symbolic_link_is_s_iflnk_mode_0777_sized_by_its_target_and_owned_by_the_caller() {
        assertThat(fx.fs.symlink(fx.at(USER), "/dev/null", "/tmp/l")).isZero();
        Stat st = lstat("/tmp/l");
        assertThat(st.mode()).isEqualTo(FileMode.S_IFLNK | 0777);
        assertThat(st.size()).isEqualTo("/dev/null".length());
        assertThat(st.nlink()).isEqualTo(1);
        assertThat(st.uid()).isEqualTo(USER.euid());
        assertThat(st.gid()).isEqualTo(USER.egid());
    }

    @Test
    void stat_follows_a_link_and_lstat_describes_the_link_itself() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev/null", "/tmp/l")).isZero();
        int[] errno = new int[1];
        assertThat(fx.fs.stat(fx.at(ROOT), "/tmp/l", true, errno).type()).isEqualTo(FileMode.S_IFCHR);
        assertThat(lstat("/tmp/l").type()).isEqualTo(FileMode.S_IFLNK);
    }

    @Test
    void lookup_follows_a_final_link_as_chdir_and_exec_need() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev", "/tmp/d")).isZero();
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/d").vnode()).isEqualTo(fx.vnode("/dev"));
    }

    @Test
    void a_link_in_the_middle_of_a_path_is_always_followed() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev", "/tmp/d")).isZero();
        assertThat(lstat("/tmp/d/null").type()).isEqualTo(FileMode.S_IFCHR);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/d/sub", 0755)).isZero();
        assertThat(fx.vnode("/dev/sub")).isNotNull();
    }

    @Test
    void a_relative_target_resolves_from_the_directory_holding_the_link() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/a", 0755)).isZero();
        file("/tmp/a/f", "in a");
        file("/f", "at the root");
        assertThat(fx.fs.symlink(fx.at(ROOT), "f", "/tmp/a/l")).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "../tmp/a/f", "/bin/up")).isZero();
        // The caller's current directory is "/", yet "f" is looked up in /tmp/a.
        assertThat(read(fx.open(fx.at(ROOT), "/tmp/a/l", O_RDONLY, 0), 20)).isEqualTo("in a");
        assertThat(read(fx.open(fx.at(ROOT), "bin/up", O_RDONLY, 0), 20)).isEqualTo("in a");
    }

    @Test
    void an_absolute_target_resolves_from_the_lookup_root() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/jail", 0755)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/jail/dev", 0755)).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev", "/tmp/jail/l")).isZero();
        var jail = fx.vnode("/tmp/jail");
        var inJail = new NameContext(jail, jail, ROOT);
        assertThat(fx.fs.lookup(inJail, "l").vnode()).isEqualTo(fx.vnode("/tmp/jail/dev"));
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/jail/l").vnode()).isEqualTo(fx.vnode("/dev"));
    }

    @Test
    void a_loop_of_links_is_eloop() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "b", "/tmp/a")).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "a", "/tmp/b")).isZero();
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/a").errno()).isEqualTo(Errno.ELOOP);
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp/a/x", O_CREAT | O_WRONLY, 0644).errno()).isEqualTo(Errno.ELOOP);
        assertThat(fx.fs.symlink(fx.at(ROOT), "self", "/tmp/self")).isZero();
        assertThat(statErrno("/tmp/self", true)).isEqualTo(Errno.ELOOP);
        assertThat(statErrno("/tmp/self", false)).as("lstat does not follow").isZero();
    }

    @Test
    void maxsymlinks_links_are_followed_and_one_more_is_eloop() {
        // IRIX sys/param.h: MAXSYMLINKS 30. l0 -> /dev/null, lk -> l(k-1).
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev/null", "/tmp/l0")).isZero();
        for (int k = 1; k <= 30; k++) assertThat(fx.fs.symlink(fx.at(ROOT), "l" + (k - 1), "/tmp/l" + k)).isZero();
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/l29").vnode()).isEqualTo(fx.vnode("/dev/null"));
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/l30").errno()).isEqualTo(Errno.ELOOP);
    }

    @Test
    void a_dangling_link_is_enoent_when_followed() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/tmp/nothing", "/tmp/l")).isZero();
        assertThat(statErrno("/tmp/l", true)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp/l", O_RDONLY, 0).errno()).isEqualTo(Errno.ENOENT);
        assertThat(statErrno("/tmp/l", false)).isZero();
    }

    @Test
    void symlink_over_an_existing_name_is_eexist_even_a_dangling_link() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "x", "/dev/null")).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.symlink(fx.at(ROOT), "x", "/tmp")).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.symlink(fx.at(ROOT), "nowhere", "/tmp/l")).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "x", "/tmp/l")).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.readlink(fx.at(ROOT), "/tmp/l", new int[1])).isEqualTo("nowhere");
    }

    @Test
    void symlink_needs_write_permission_on_the_directory() {
        assertThat(fx.fs.symlink(fx.at(USER), "/dev/null", "/bin/l")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.symlink(fx.at(USER), "/dev/null", "/none/l")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void symlink_of_an_empty_or_over_long_target_fails() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "", "/tmp/l")).isEqualTo(Errno.ENOENT);
        // symlink(2): "ENAMETOOLONG The length of the name1 ... argument exceeds PATH_MAX".
        assertThat(fx.fs.symlink(fx.at(ROOT), "a".repeat(1024), "/tmp/l")).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(fx.fs.symlink(fx.at(ROOT), "a".repeat(1023), "/tmp/l")).isZero();
    }

    @Test
    void a_link_whose_splice_passes_path_max_is_enametoolong() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/" + "d/".repeat(500), "/tmp/l")).isZero();
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/l/" + "x".repeat(30)).errno()).isEqualTo(Errno.ENAMETOOLONG);
    }

    @Test
    void readlink_returns_the_target_and_is_einval_on_anything_else() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "../dev/./null", "/tmp/l")).isZero();
        int[] errno = new int[1];
        assertThat(fx.fs.readlink(fx.at(ROOT), "/tmp/l", errno)).isEqualTo("../dev/./null");
        // readlink(2): "EINVAL The named file is not a symbolic link."
        assertThat(fx.fs.readlink(fx.at(ROOT), "/dev/null", errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.readlink(fx.at(ROOT), "/tmp/none", errno)).isNull();
        assertThat(errno[0]).isEqualTo(Errno.ENOENT);
    }

    @Test
    void readlink_follows_links_in_the_middle_but_not_at_the_end() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/tmp", "/bin/t")).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "target", "/tmp/l")).isZero();
        assertThat(fx.fs.readlink(fx.at(ROOT), "/bin/t/l", new int[1])).isEqualTo("target");
    }

    @Test
    void unlink_removes_the_link_and_leaves_its_target() {
        file("/tmp/f", "data");
        assertThat(fx.fs.symlink(fx.at(ROOT), "f", "/tmp/l")).isZero();
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/l")).isZero();
        assertThat(statErrno("/tmp/l", false)).isEqualTo(Errno.ENOENT);
        assertThat(statErrno("/tmp/f", true)).isZero();
    }

    @Test
    void rmdir_of_a_link_to_a_directory_is_enotdir() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/d", 0755)).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "d", "/tmp/l")).isZero();
        assertThat(fx.fs.rmdir(fx.at(ROOT), "/tmp/l")).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void a_trailing_slash_follows_a_final_link() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev", "/tmp/d")).isZero();
        assertThat(fx.fs.symlink(fx.at(ROOT), "/dev/null", "/tmp/n")).isZero();
        assertThat(lstat("/tmp/d/").type()).isEqualTo(FileMode.S_IFDIR);
        assertThat(statErrno("/tmp/n/", false)).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void open_follows_a_final_link_and_with_o_nofollow_is_eloop() {
        file("/tmp/f", "data");
        assertThat(fx.fs.symlink(fx.at(ROOT), "f", "/tmp/l")).isZero();
        var f = fx.open(fx.at(ROOT), "/tmp/l", O_RDONLY, 0);
        assertThat(f.vnode()).isEqualTo(fx.vnode("/tmp/f"));
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp/l", O_RDONLY | sprocket.api.sys.Fcntl.O_NOFOLLOW, 0).errno()).isEqualTo(Errno.ELOOP);
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp/f", O_RDONLY | sprocket.api.sys.Fcntl.O_NOFOLLOW, 0).errno()).isZero();
    }

    @Test
    void o_creat_through_a_dangling_link_creates_its_target() {
        assertThat(fx.fs.symlink(fx.at(ROOT), "made", "/tmp/l")).isZero();
        var f = fx.open(fx.at(ROOT), "/tmp/l", O_CREAT | O_WRONLY, 0644);
        write(f, "x");
        assertThat(fx.fs.stat(fx.vnode("/tmp/made")).size()).isEqualTo(1);
        assertThat(lstat("/tmp/l").type()).isEqualTo(FileMode.S_IFLNK);
    }

    @Test
    void o_creat_with_o_excl_on_a_link_is_eexist_whatever_it_points_to() {
        // open(2): with O_CREAT and O_EXCL, "If path names a symbolic link, open fails and sets errno to EEXIST".
        assertThat(fx.fs.symlink(fx.at(ROOT), "made", "/tmp/l")).isZero();
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp/l", O_CREAT | O_EXCL | O_WRONLY, 0644).errno()).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/made").errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void a_link_through_a_directory_without_search_permission_is_eacces() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/locked", 0700)).isZero();
        file("/tmp/locked/f", "secret");
        assertThat(fx.fs.symlink(fx.at(ROOT), "/tmp/locked/f", "/tmp/l")).isZero();
        assertThat(fx.fs.open(fx.at(USER), "/tmp/l", O_RDONLY, 0).errno()).isEqualTo(Errno.EACCES);
    }
}
