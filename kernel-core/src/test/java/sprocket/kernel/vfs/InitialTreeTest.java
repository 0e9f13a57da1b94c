package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.vfs.Fixture.ROOT;

import org.junit.jupiter.api.Test;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

class InitialTreeTest {

    private final Fixture fx = new Fixture();

    private Stat stat(String path) {
        int[] errno = new int[1];
        Stat st = fx.fs.stat(fx.at(ROOT), path, true, errno);
        assertThat(errno[0]).as("stat %s", path).isZero();
        return st;
    }

    @Test
    void the_root_bin_dev_and_tmp_are_root_owned_directories_with_their_modes() {
        assertThat(stat("/").mode()).isEqualTo(FileMode.S_IFDIR | 0755);
        assertThat(stat("/bin").mode()).isEqualTo(FileMode.S_IFDIR | 0755);
        assertThat(stat("/dev").mode()).isEqualTo(FileMode.S_IFDIR | 0755);
        assertThat(stat("/tmp").mode()).isEqualTo(FileMode.S_IFDIR | FileMode.S_ISVTX | 0777);
        for (String p : new String[] {"/", "/bin", "/dev", "/tmp"}) {
            assertThat(stat(p).uid()).isZero();
            assertThat(stat(p).gid()).isZero();
        }
    }

    @Test
    void the_root_has_inode_2_and_is_its_own_parent() {
        assertThat(fx.fs.root().ino()).isEqualTo(2);
        assertThat(stat("/..").ino()).isEqualTo(2);
    }

    @Test
    void a_directory_has_two_links_plus_one_per_subdirectory() {
        // bin, dev, proc and tmp.
        assertThat(stat("/").nlink()).isEqualTo(2 + 4);
        assertThat(stat("/dev").nlink()).isEqualTo(2);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/dev/sub", 0755)).isZero();
        assertThat(stat("/dev").nlink()).isEqualTo(3);
    }

    @Test
    void the_four_devices_are_0666_character_specials_owned_by_root() {
        for (String p : new String[] {"/dev/console", "/dev/tty", "/dev/null", "/dev/zero"}) {
            Stat st = stat(p);
            assertThat(st.type()).as(p).isEqualTo(FileMode.S_IFCHR);
            assertThat(st.mode() & 07777).as(p).isEqualTo(0666);
            assertThat(st.uid()).isZero();
            assertThat(st.nlink()).isEqualTo(1);
        }
    }

    @Test
    void tty_console_null_and_zero_are_four_devices() {
        // /dev/tty is SVR4's "sy" driver, a synonym for each process's controlling terminal, not the console itself.
        assertThat(stat("/dev/tty").rdev()).isNotEqualTo(stat("/dev/console").rdev());
        assertThat(stat("/dev/null").rdev()).isNotEqualTo(stat("/dev/zero").rdev())
                .isNotEqualTo(stat("/dev/console").rdev());
        assertThat(stat("/dev/tty").ino()).isNotEqualTo(stat("/dev/console").ino());
    }

    @Test
    void every_node_has_its_own_inode_number_and_the_file_system_device() {
        String[] paths = {"/", "/bin", "/dev", "/tmp", "/dev/console", "/dev/tty", "/dev/null", "/dev/zero"};
        assertThat(java.util.Arrays.stream(paths).map(p -> stat(p).ino()).distinct()).hasSize(paths.length);
        assertThat(java.util.Arrays.stream(paths).map(p -> stat(p).dev()).distinct()).hasSize(1);
    }

    @Test
    void times_are_simulated_seconds_since_boot() {
        fx.kernel.now = 7 * FakeKernel.HZ + 10;
        var f = fx.open(fx.at(ROOT), "/tmp/t", sprocket.api.sys.Fcntl.O_CREAT | sprocket.api.sys.Fcntl.O_WRONLY, 0644);
        assertThat(f.stat().mtime()).isEqualTo(7);
        fx.kernel.now = 9 * FakeKernel.HZ;
        Fixture.write(f, "x");
        assertThat(f.stat().mtime()).isEqualTo(9);
        assertThat(f.stat().ctime()).isEqualTo(9);
        assertThat(f.stat().atime()).isEqualTo(7);
    }
}
