package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.vfs.Fixture.USER;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/** The socket nodes bind(2) makes for AF_UNIX names: type, mode, the name-space errors, and no open. */
class SocketNodeTest {

    private final Fixture fx = new Fixture();

    @Test
    void mksock_makes_an_S_IFSOCK_node_with_the_umask_applied_that_lookup_finds_again() {
        PathCalls.Found r = fx.fs.mksock(fx.at(USER), "/tmp/s", 0777);
        assertThat(r.errno()).isZero();
        assertThat(r.vnode().mode()).isEqualTo(FileMode.S_IFSOCK | 0755);
        assertThat(fx.fs.lookup(fx.at(USER), "/tmp/s").vnode()).isEqualTo(r.vnode());
        assertThat(fx.fs.stat(r.vnode()).uid()).isEqualTo(USER.euid());
    }

    @Test
    void an_existing_name_is_EEXIST_and_a_missing_directory_ENOENT() {
        fx.fs.mksock(fx.at(USER), "/tmp/s", 0777);
        assertThat(fx.fs.mksock(fx.at(USER), "/tmp/s", 0777).errno()).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mksock(fx.at(USER), "/tmp", 0777).errno()).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mksock(fx.at(USER), "/nowhere/s", 0777).errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void opening_a_socket_node_fails_with_EOPNOTSUPP_and_unlink_removes_it() {
        fx.fs.mksock(fx.at(USER), "/tmp/s", 0777);
        // POSIX open(2): "EOPNOTSUPP The path argument names a socket."
        assertThat(fx.fs.open(fx.at(USER), "/tmp/s", Fcntl.O_RDONLY, 0).errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/s")).isZero();
        assertThat(fx.fs.lookup(fx.at(USER), "/tmp/s").errno()).isEqualTo(Errno.ENOENT);
    }
}
