package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.OTHER;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

class RenameTest {

    private final Fixture fx = new Fixture();

    private void file(String path, String contents) {
        var f = fx.open(fx.at(USER), path, O_CREAT | O_RDWR, 0644);
        write(f, contents);
        f.release();
    }

    private void dir(String path) {
        assertThat(fx.fs.mkdir(fx.at(USER), path, 0755)).isZero();
    }

    private int errno(String path) {
        return fx.fs.lookup(fx.at(ROOT), path).errno();
    }

    private long nlink(String path) {
        return fx.fs.stat(fx.vnode(path)).nlink();
    }

    @Test
    void rename_gives_a_file_a_new_name_and_drops_the_old_one() {
        file("/tmp/a", "A");
        var a = fx.vnode("/tmp/a");
        fx.kernel.now = 7 * FakeKernel.HZ;
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/b")).isZero();
        assertThat(errno("/tmp/a")).isEqualTo(Errno.ENOENT);
        assertThat(fx.vnode("/tmp/b")).isEqualTo(a);
        assertThat(fx.fs.stat(a).nlink()).isEqualTo(1);
        assertThat(fx.fs.stat(a).ctime()).isEqualTo(7);
    }

    @Test
    void rename_over_an_existing_file_replaces_it_and_an_open_victim_lives_on() {
        file("/tmp/a", "A");
        file("/tmp/b", "B");
        var victim = fx.open(fx.at(USER), "/tmp/b", O_RDONLY, 0);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/b")).isZero();
        assertThat(read(fx.open(fx.at(USER), "/tmp/b", O_RDONLY, 0), 5)).isEqualTo("A");
        assertThat(victim.stat().nlink()).isZero();
        assertThat(read(victim, 5)).isEqualTo("B");
    }

    @Test
    void rename_between_names_of_the_same_file_does_nothing() {
        file("/tmp/a", "A");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/a", "/tmp/b")).isZero();
        // rename(2): "If old and new refer to the same file, rename returns successfully and performs no other action."
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/b")).isZero();
        assertThat(errno("/tmp/a")).isZero();
        assertThat(nlink("/tmp/b")).isEqualTo(2);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/./a")).isZero();
    }

    @Test
    void rename_of_a_missing_name_is_enoent() {
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/none", "/tmp/b")).isEqualTo(Errno.ENOENT);
        file("/tmp/a", "A");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/none/b")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.rename(fx.at(USER), "", "/tmp/b")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void a_file_over_a_directory_is_eisdir() {
        file("/tmp/a", "A");
        dir("/tmp/d");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/d")).isEqualTo(Errno.EISDIR);
        assertThat(errno("/tmp/a")).isZero();
    }

    @Test
    void a_directory_over_a_file_is_enotdir() {
        file("/tmp/a", "A");
        dir("/tmp/d");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/d", "/tmp/a")).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/new/")).as("a file cannot take a directory's name")
                .isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void a_directory_over_a_non_empty_directory_is_enotempty() {
        dir("/tmp/d");
        dir("/tmp/e");
        file("/tmp/e/f", "F");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/d", "/tmp/e")).isEqualTo(Errno.ENOTEMPTY);
        assertThat(errno("/tmp/d")).isZero();
    }

    @Test
    void a_directory_over_an_empty_directory_replaces_it() {
        dir("/tmp/d");
        file("/tmp/d/f", "F");
        dir("/tmp/e");
        var e = fx.vnode("/tmp/e");
        long tmpLinks = nlink("/tmp");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/d", "/tmp/e")).isZero();
        assertThat(errno("/tmp/d")).isEqualTo(Errno.ENOENT);
        assertThat(errno("/tmp/e/f")).isZero();
        assertThat(fx.fs.stat(e).nlink()).isZero();
        assertThat(nlink("/tmp")).as("one subdirectory fewer").isEqualTo(tmpLinks - 1);
    }

    @Test
    void moving_a_directory_updates_its_dot_dot_and_the_link_counts() {
        dir("/tmp/a");
        dir("/tmp/b");
        dir("/tmp/a/d");
        var d = fx.vnode("/tmp/a/d");
        long aLinks = nlink("/tmp/a");
        long bLinks = nlink("/tmp/b");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a/d", "/tmp/b/moved")).isZero();
        assertThat(fx.fs.lookup(fx.at(d, USER), "..").vnode()).isEqualTo(fx.vnode("/tmp/b"));
        assertThat(fx.fs.path(fx.fs.root(), d)).isEqualTo("/tmp/b/moved");
        assertThat(nlink("/tmp/a")).isEqualTo(aLinks - 1);
        assertThat(nlink("/tmp/b")).isEqualTo(bLinks + 1);
        assertThat(fx.fs.stat(d).nlink()).isEqualTo(2);
    }

    @Test
    void renaming_a_directory_in_place_changes_the_name_getcwd_reports() {
        dir("/tmp/a");
        var a = fx.vnode("/tmp/a");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/z")).isZero();
        assertThat(fx.fs.path(fx.fs.root(), a)).isEqualTo("/tmp/z");
    }

    @Test
    void moving_a_directory_into_its_own_subtree_is_einval() {
        dir("/tmp/a");
        dir("/tmp/a/b");
        // rename(2): "EINVAL The new directory pathname contains a path prefix that names the old directory."
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/a/b/c")).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/a/c")).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/a/b")).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.path(fx.fs.root(), fx.vnode("/tmp/a/b"))).isEqualTo("/tmp/a/b");
    }

    @Test
    void dot_or_dot_dot_as_either_name_is_einval() {
        dir("/tmp/a");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a/.", "/tmp/b")).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a/..", "/tmp/b")).isEqualTo(Errno.EINVAL);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/b", "/tmp/a/.")).isEqualTo(Errno.ENOENT);
        file("/tmp/f", "F");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/f", "/tmp/a/..")).isEqualTo(Errno.EINVAL);
    }

    @Test
    void renaming_the_root_is_ebusy() {
        assertThat(fx.fs.rename(fx.at(ROOT), "/", "/tmp/r")).isEqualTo(Errno.EBUSY);
        dir("/tmp/a");
        assertThat(fx.fs.rename(fx.at(ROOT), "/tmp/a", "/")).isEqualTo(Errno.EBUSY);
        var a = fx.vnode("/tmp/a");
        assertThat(fx.fs.rename(new NameContext(a, a, ROOT), "/", "/b")).as("a chroot's root").isEqualTo(Errno.EBUSY);
    }

    @Test
    void rename_needs_write_permission_on_both_directories() {
        file("/tmp/a", "A");
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/bin/a")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rename(fx.at(USER), "/dev/null", "/tmp/null")).isEqualTo(Errno.EACCES);
        assertThat(errno("/tmp/a")).isZero();
        assertThat(errno("/dev/null")).isZero();
    }

    @Test
    void moving_a_directory_to_another_parent_needs_write_permission_on_it() {
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/from", 0777)).isZero();
        assertThat(fx.fs.chmod(fx.at(USER), "/tmp/from", 0777)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/from/rootdir", 0755)).isZero();
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/to", 0755)).isZero();
        // rename(2): EACCES when "write permission is denied by a directory pointed to by old": its ".." changes.
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/from/rootdir", "/tmp/to/d")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/from/rootdir", "/tmp/from/renamed")).as("same parent").isZero();
    }

    @Test
    void the_sticky_directory_rule_guards_both_the_old_name_and_a_replaced_one() {
        file("/tmp/users", "U");
        var other = fx.open(fx.at(OTHER), "/tmp/others", O_CREAT | O_RDWR, 0644);
        other.release();
        // IRIX unlink(2)'s rule, which rename applies to both names: EACCES unless the file is writable, or
        // the caller owns the file or the directory.
        assertThat(fx.fs.rename(fx.at(OTHER), "/tmp/users", "/tmp/x")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rename(fx.at(OTHER), "/tmp/others", "/tmp/users")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.rename(fx.at(OTHER), "/tmp/others", "/tmp/x")).isZero();
        assertThat(fx.fs.rename(fx.at(ROOT), "/tmp/users", "/tmp/x")).isZero();
    }

    @Test
    void renaming_a_symbolic_link_renames_the_link_not_its_target() {
        file("/tmp/f", "F");
        assertThat(fx.fs.symlink(fx.at(USER), "f", "/tmp/l")).isZero();
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/l", "/tmp/m")).isZero();
        assertThat(fx.fs.readlink(fx.at(USER), "/tmp/m", new int[1])).isEqualTo("f");
        assertThat(errno("/tmp/f")).isZero();
        int[] err = new int[1];
        assertThat(fx.fs.stat(fx.at(USER), "/tmp/m", false, err).type()).isEqualTo(FileMode.S_IFLNK);
    }

    @Test
    void a_failed_rename_changes_nothing_and_a_reader_never_sees_neither_name() {
        file("/tmp/a", "A");
        file("/tmp/b", "B");
        var b = fx.open(fx.at(USER), "/tmp/b", O_RDONLY, 0);
        assertThat(fx.fs.rename(fx.at(OTHER), "/tmp/a", "/tmp/b")).isEqualTo(Errno.EACCES);
        assertThat(fx.vnode("/tmp/b")).isEqualTo(b.vnode());
        assertThat(errno("/tmp/a")).isZero();
        var a = fx.vnode("/tmp/a");
        // rename(2): "a link named new will remain visible to other processes throughout the renaming operation";
        // at each charge, where another CPU may run, new names one file or the other.
        int[] seen = new int[1];
        fx.kernel.onCharge = () -> {
            assertThat(fx.fs.lookup(fx.at(ROOT), "/tmp/b").vnode()).isIn(a, b.vnode());
            seen[0]++;
        };
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/a", "/tmp/b")).isZero();
        fx.kernel.onCharge = null;
        assertThat(seen[0]).isPositive();
        assertThat(fx.vnode("/tmp/b")).isEqualTo(a);
        b.lseek(0, SEEK_SET);
        assertThat(read(b, 4)).isEqualTo("B");
    }
}
