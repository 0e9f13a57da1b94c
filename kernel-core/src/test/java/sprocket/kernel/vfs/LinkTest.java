package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

class LinkTest {

    private final Fixture fx = new Fixture();

    private void file(String path) {
        var f = fx.open(fx.at(USER), path, O_CREAT | O_RDWR, 0644);
        write(f, "data");
        f.release();
    }

    private long nlink(String path) {
        return fx.fs.stat(fx.vnode(path)).nlink();
    }

    @Test
    void link_gives_the_same_file_a_second_name_and_counts_it() {
        file("/tmp/f");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/g")).isZero();
        assertThat(fx.vnode("/tmp/g")).isEqualTo(fx.vnode("/tmp/f"));
        assertThat(nlink("/tmp/f")).isEqualTo(2);
        assertThat(read(fx.open(fx.at(USER), "/tmp/g", O_RDONLY, 0), 10)).isEqualTo("data");
    }

    @Test
    void unlinking_one_name_leaves_the_file_under_the_other() {
        file("/tmp/f");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/g")).isZero();
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/f")).isZero();
        assertThat(nlink("/tmp/g")).isEqualTo(1);
        assertThat(read(fx.open(fx.at(USER), "/tmp/g", O_RDONLY, 0), 10)).as("the storage stays").isEqualTo("data");
    }

    @Test
    void link_to_a_directory_is_eperm_even_for_root() {
        assertThat(fx.fs.link(fx.at(ROOT), "/tmp", "/bin/t")).isEqualTo(Errno.EPERM);
        assertThat(fx.fs.lookup(fx.at(ROOT), "/bin/t").errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void link_to_an_existing_name_is_eexist() {
        file("/tmp/f");
        // link(2): "EEXIST The link named by path2 exists."
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/f")).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp")).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.link(fx.at(ROOT), "/tmp/f", "/")).isEqualTo(Errno.EEXIST);
        assertThat(nlink("/tmp/f")).isEqualTo(1);
    }

    @Test
    void link_of_a_missing_file_or_into_a_missing_directory_is_enoent() {
        file("/tmp/f");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/none", "/tmp/g")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/none/g")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.link(fx.at(USER), "", "/tmp/g")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void link_needs_write_permission_on_the_target_directory() {
        file("/tmp/f");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/bin/f")).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/noexec", 0755)).isZero();
        assertThat(fx.fs.chmod(fx.at(ROOT), "/tmp/noexec", 0776)).isZero();
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/noexec/f")).as("search").isEqualTo(Errno.EACCES);
        assertThat(fx.fs.link(fx.at(ROOT), "/tmp/f", "/bin/f")).isZero();
    }

    @Test
    void link_past_link_max_is_emlink() {
        // SVR4 limits.h: LINK_MAX 1000.
        file("/tmp/f");
        for (int k = 2; k <= 1000; k++) assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/n" + k)).isZero();
        assertThat(nlink("/tmp/f")).isEqualTo(1000);
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/one-more")).isEqualTo(Errno.EMLINK);
    }

    @Test
    void mkdir_past_link_max_on_the_parent_is_emlink() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/p", 0755)).isZero();
        // "." and the entry in /tmp make 2; each subdirectory's ".." one more.
        for (int k = 3; k <= 1000; k++) assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/p/d" + k, 0755)).isZero();
        assertThat(nlink("/tmp/p")).isEqualTo(1000);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/p/last", 0755)).isEqualTo(Errno.EMLINK);
    }

    @Test
    void link_does_not_follow_a_final_symbolic_link() {
        assertThat(fx.fs.symlink(fx.at(USER), "/dev/null", "/tmp/l")).isZero();
        assertThat(fx.fs.link(fx.at(USER), "/tmp/l", "/tmp/l2")).isZero();
        int[] errno = new int[1];
        var st = fx.fs.stat(fx.at(USER), "/tmp/l2", false, errno);
        assertThat(st.type()).isEqualTo(FileMode.S_IFLNK);
        assertThat(st.nlink()).isEqualTo(2);
    }

    @Test
    void link_of_a_device_names_the_same_device() {
        assertThat(fx.fs.link(fx.at(ROOT), "/dev/null", "/tmp/null")).isZero();
        assertThat(fx.vnode("/tmp/null")).isEqualTo(fx.vnode("/dev/null"));
    }

    @Test
    void a_new_name_ending_in_a_slash_is_enotdir() {
        file("/tmp/f");
        assertThat(fx.fs.link(fx.at(USER), "/tmp/f", "/tmp/g/")).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.symlink(fx.at(USER), "f", "/tmp/g/")).isEqualTo(Errno.ENOTDIR);
    }
}
