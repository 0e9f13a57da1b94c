package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_CUR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;

class GetdentsTest {

    private final Fixture fx = new Fixture();

    private Entry openDir(String path) {
        return fx.open(fx.at(USER), path, O_RDONLY, 0);
    }

    /** Every name getdents gives, {@code size} entries a call. */
    private static List<String> names(Entry dir, int size) {
        List<String> names = new ArrayList<>();
        Dirent[] buf = new Dirent[size];
        for (int n; (n = dir.getdents(buf)) > 0; ) {
            for (int k = 0; k < n; k++) names.add(buf[k].name());
        }
        return names;
    }

    private void make(String... names) {
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d", 0755)).isZero();
        for (String name : names) fx.open(fx.at(USER), "/tmp/d/" + name, O_CREAT | O_RDWR, 0644).release();
    }

    @Test
    void a_directory_opens_for_reading_and_not_for_writing() {
        assertThat(fx.fs.open(fx.at(USER), "/tmp", O_RDONLY, 0).errno()).isZero();
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp", O_WRONLY, 0).errno()).isEqualTo(Errno.EISDIR);
        assertThat(fx.fs.open(fx.at(ROOT), "/tmp", O_RDWR, 0).errno()).isEqualTo(Errno.EISDIR);
    }

    @Test
    void getdents_gives_dot_dot_dot_then_the_names_in_order_with_their_type_and_ino() {
        make("b", "a");
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d/c", 0755)).isZero();
        assertThat(fx.fs.symlink(fx.at(USER), "a", "/tmp/d/l")).isZero();
        Dirent[] buf = new Dirent[10];
        assertThat(openDir("/tmp/d").getdents(buf)).isEqualTo(6);
        assertThat(buf[0]).isEqualTo(new Dirent(fx.vnode("/tmp/d").ino(), ".", FileMode.S_IFDIR));
        assertThat(buf[1]).isEqualTo(new Dirent(fx.vnode("/tmp").ino(), "..", FileMode.S_IFDIR));
        assertThat(buf[2]).isEqualTo(new Dirent(fx.vnode("/tmp/d/a").ino(), "a", FileMode.S_IFREG));
        assertThat(buf[3]).isEqualTo(new Dirent(fx.vnode("/tmp/d/b").ino(), "b", FileMode.S_IFREG));
        assertThat(buf[4]).isEqualTo(new Dirent(fx.vnode("/tmp/d/c").ino(), "c", FileMode.S_IFDIR));
        assertThat(buf[5].name()).isEqualTo("l");
        assertThat(buf[5].type()).isEqualTo(FileMode.S_IFLNK);
    }

    @Test
    void dot_dot_of_the_root_is_the_root() {
        Dirent[] buf = new Dirent[2];
        assertThat(openDir("/").getdents(buf)).isEqualTo(2);
        assertThat(buf[1].ino()).isEqualTo(fx.fs.root().ino());
        assertThat(openDir("/dev").getdents(new Dirent[10])).isEqualTo(6);
    }

    @Test
    void getdents_pages_through_a_small_buffer_and_then_returns_zero() {
        make("e", "d", "c", "b", "a");
        Entry dir = openDir("/tmp/d");
        Dirent[] buf = new Dirent[2];
        assertThat(dir.getdents(buf)).isEqualTo(2);
        assertThat(dir.getdents(buf)).isEqualTo(2);
        assertThat(buf[0].name()).isEqualTo("a");
        assertThat(dir.getdents(buf)).isEqualTo(2);
        assertThat(dir.getdents(buf)).isEqualTo(1);
        assertThat(buf[0].name()).isEqualTo("e");
        assertThat(dir.getdents(buf)).isZero();
        assertThat(dir.getdents(buf)).as("still at the end").isZero();
        assertThat(names(openDir("/tmp/d"), 3)).containsExactly(".", "..", "a", "b", "c", "d", "e");
    }

    @Test
    void the_offset_counts_entries_and_rewinding_starts_again() {
        make("a", "b");
        Entry dir = openDir("/tmp/d");
        assertThat(dir.getdents(new Dirent[3])).isEqualTo(3);
        assertThat(dir.lseek(0, SEEK_CUR)).isEqualTo(3);
        assertThat(dir.lseek(0, SEEK_SET)).isZero();
        assertThat(names(dir, 10)).containsExactly(".", "..", "a", "b");
        assertThat(dir.lseek(3, SEEK_SET)).isEqualTo(3);
        assertThat(names(dir, 10)).containsExactly("b");
    }

    @Test
    void entries_removed_between_calls_neither_reappear_nor_make_others_skipped() {
        make("a", "b", "c", "d", "e");
        Entry dir = openDir("/tmp/d");
        Dirent[] buf = new Dirent[4];
        assertThat(dir.getdents(buf)).isEqualTo(4);
        assertThat(buf[3].name()).isEqualTo("b");
        // Remove names already returned and the one that would come next.
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/d/a")).isZero();
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/d/b")).isZero();
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/d/c")).isZero();
        assertThat(names(dir, 4)).containsExactly("d", "e");
        assertThat(names(openDir("/tmp/d"), 4)).containsExactly(".", "..", "d", "e");
    }

    @Test
    void a_removed_directory_has_no_entries() {
        assertThat(fx.fs.mkdir(fx.at(USER), "/tmp/d", 0755)).isZero();
        Entry dir = openDir("/tmp/d");
        assertThat(fx.fs.rmdir(fx.at(USER), "/tmp/d")).isZero();
        assertThat(dir.getdents(new Dirent[4])).isZero();
    }

    @Test
    void getdents_on_a_file_or_device_is_enotdir() {
        make("f");
        assertThat(fx.open(fx.at(USER), "/tmp/d/f", O_RDONLY, 0).getdents(new Dirent[4])).isEqualTo(-Errno.ENOTDIR);
        assertThat(fx.open(fx.at(USER), "/dev/null", O_RDONLY, 0).getdents(new Dirent[4])).isEqualTo(-Errno.ENOTDIR);
    }

    @Test
    void getdents_on_a_file_not_open_for_reading_or_closed_is_ebadf() {
        // getdents(2): "EBADF fildes is not a valid file descriptor open for reading."
        make("f");
        assertThat(fx.open(fx.at(USER), "/tmp/d/f", O_WRONLY, 0).getdents(new Dirent[4])).isEqualTo(-Errno.EBADF);
        Entry dir = openDir("/tmp/d");
        dir.release();
        assertThat(dir.getdents(new Dirent[4])).isEqualTo(-Errno.EBADF);
    }

    @Test
    void getdents_into_an_empty_buffer_is_einval() {
        // getdents(2): "EINVAL nbytes is not large enough for one directory entry."
        assertThat(openDir("/tmp").getdents(new Dirent[0])).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void getdents_marks_the_access_time_and_charges_per_entry() {
        make("a");
        Entry dir = openDir("/tmp/d");
        fx.kernel.now = 11 * FakeKernel.HZ;
        long before = fx.kernel.charged;
        assertThat(dir.getdents(new Dirent[8])).isEqualTo(3);
        assertThat(fx.kernel.charged - before).isEqualTo(3 * VfsCosts.DIRENT);
        assertThat(dir.stat().atime()).isEqualTo(11);
    }

    @Test
    void an_open_file_gives_its_vnode_for_files_directories_and_devices() {
        make("f");
        assertThat(openDir("/tmp/d").vnode()).isEqualTo(fx.vnode("/tmp/d"));
        assertThat(fx.open(fx.at(USER), "/tmp/d/f", O_RDONLY, 0).vnode()).isEqualTo(fx.vnode("/tmp/d/f"));
        assertThat(fx.open(fx.at(USER), "/dev/null", O_RDONLY, 0).vnode()).isEqualTo(fx.vnode("/dev/null"));
    }
}
