package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.vfs.Fixture.OTHER;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;

class NameiTest {

    private final Fixture fx = new Fixture();

    private int errno(NameContext at, String path) {
        return fx.fs.lookup(at, path).errno();
    }

    @Test
    void absolute_paths_start_at_the_root_and_relative_ones_at_the_current_directory() {
        var dev = fx.vnode("/dev");
        var fromDev = fx.at(dev, ROOT);
        assertThat(fx.fs.lookup(fromDev, "null").vnode()).isEqualTo(fx.vnode("/dev/null"));
        assertThat(fx.fs.lookup(fromDev, "/bin").vnode()).isEqualTo(fx.vnode("/bin"));
        assertThat(fx.fs.lookup(fromDev, "../tmp").vnode()).isEqualTo(fx.vnode("/tmp"));
        assertThat(fx.fs.lookup(fromDev, ".").vnode()).isEqualTo(dev);
    }

    @Test
    void repeated_slashes_and_dots_name_the_same_file() {
        assertThat(fx.fs.lookup(fx.at(ROOT), "//dev///./null").vnode()).isEqualTo(fx.vnode("/dev/null"));
        assertThat(fx.fs.lookup(fx.at(ROOT), "/dev/").vnode()).isEqualTo(fx.vnode("/dev"));
        assertThat(fx.fs.lookup(fx.at(ROOT), "///").vnode()).isEqualTo(fx.fs.root());
    }

    @Test
    void dot_dot_at_the_root_stays_at_the_root() {
        assertThat(fx.fs.lookup(fx.at(ROOT), "/..").vnode()).isEqualTo(fx.fs.root());
        assertThat(fx.fs.lookup(fx.at(ROOT), "/../../dev/../..").vnode()).isEqualTo(fx.fs.root());
    }

    @Test
    void dot_dot_at_a_chroot_root_stays_there_and_absolute_paths_start_there() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/jail", 0755)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/jail/etc", 0755)).isZero();
        var jail = fx.vnode("/tmp/jail");
        var inJail = new NameContext(jail, jail, ROOT);
        assertThat(fx.fs.lookup(inJail, "..").vnode()).isEqualTo(jail);
        assertThat(fx.fs.lookup(inJail, "/../..").vnode()).isEqualTo(jail);
        assertThat(fx.fs.lookup(inJail, "/etc/../../etc").vnode()).isEqualTo(fx.vnode("/tmp/jail/etc"));
        assertThat(fx.fs.lookup(inJail, "/dev").errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void an_empty_path_is_enoent() {
        assertThat(errno(fx.at(ROOT), "")).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.open(fx.at(ROOT), "", Fcntl.O_RDONLY, 0).errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void a_missing_component_is_enoent() {
        assertThat(errno(fx.at(ROOT), "/nope")).isEqualTo(Errno.ENOENT);
        assertThat(errno(fx.at(ROOT), "/nope/dev")).isEqualTo(Errno.ENOENT);
    }

    @Test
    void a_non_directory_in_the_middle_is_enotdir() {
        assertThat(errno(fx.at(ROOT), "/dev/null/x")).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(fx.at(ROOT), "/dev/null/")).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(fx.at(ROOT), "/dev/null/..")).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void a_component_over_name_max_is_enametoolong() {
        // limits.h: NAME_MAX 255, PATH_MAX 1024 including the terminating null.
        String ok = "a".repeat(255);
        String tooLong = "a".repeat(256);
        assertThat(errno(fx.at(ROOT), "/tmp/" + ok)).isEqualTo(Errno.ENOENT);
        assertThat(errno(fx.at(ROOT), "/tmp/" + tooLong)).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/" + tooLong, 0755)).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/" + ok, 0755)).isZero();
    }

    @Test
    void a_path_over_path_max_is_enametoolong() {
        String fitsExactly = "/".repeat(1020) + "dev";   // 1023 bytes and the null: 1024
        String tooLong = "/".repeat(1021) + "dev";       // 1025 with the null
        assertThat(fitsExactly).hasSize(1023);
        assertThat(errno(fx.at(ROOT), fitsExactly)).isZero();
        assertThat(tooLong).hasSize(1024);
        assertThat(errno(fx.at(ROOT), tooLong)).isEqualTo(Errno.ENAMETOOLONG);
    }

    @Test
    void searching_a_directory_needs_execute_permission() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/locked", 0700)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/locked/in", 0777)).isZero();
        assertThat(errno(fx.at(USER), "/tmp/locked/in")).isEqualTo(Errno.EACCES);
        assertThat(errno(fx.at(USER), "/tmp/locked")).isZero();
        var locked = fx.vnode("/tmp/locked");
        assertThat(errno(fx.at(locked, USER), "in")).isEqualTo(Errno.EACCES);
        assertThat(errno(fx.at(locked, USER), "..")).isEqualTo(Errno.EACCES);
    }

    @Test
    void the_owner_group_and_other_bits_are_checked_in_that_order() {
        var owner = new sprocket.api.kernel.Credentials(100, 100, 10, 10, 0);
        assertThat(fx.fs.mkdir(fx.at(owner), "/tmp/d", 0070)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/d/x", 0755)).isZero();
        // Owner bits are 0: the owner is refused even though the group bits would let it in.
        assertThat(errno(fx.at(owner), "/tmp/d/x")).isEqualTo(Errno.EACCES);
        var groupMember = new sprocket.api.kernel.Credentials(300, 300, 10, 10, 0);
        assertThat(errno(fx.at(groupMember), "/tmp/d/x")).isZero();
        assertThat(errno(fx.at(OTHER), "/tmp/d/x")).isEqualTo(Errno.EACCES);
    }

    @Test
    void root_searches_any_directory_whatever_its_mode() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/none", 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/tmp/none/x", 0)).isZero();
        assertThat(errno(fx.at(ROOT), "/tmp/none/x")).isZero();
    }

    @Test
    void lookup_charges_per_component() {
        long before = fx.kernel.charged;
        fx.fs.lookup(fx.at(ROOT), "/dev/null");
        long two = fx.kernel.charged - before;
        before = fx.kernel.charged;
        fx.fs.lookup(fx.at(ROOT), "/dev/../dev/null");
        assertThat(fx.kernel.charged - before).isEqualTo(2 * two);
    }
}
