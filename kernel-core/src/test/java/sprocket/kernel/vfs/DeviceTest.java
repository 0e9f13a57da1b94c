package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_CUR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.kernel.dev.Cdevsw;

/** The kernel's character devices behind /dev's special files, found through the cdevsw by the node's st_rdev. */
class DeviceTest {

    private final Fixture fx = new Fixture();

    @Test
    void console_writes_reach_the_host_console_in_order_with_the_full_length() {
        var console = fx.open(fx.at(USER), "/dev/console", O_WRONLY, 0);
        var tty = fx.open(fx.at(USER), "/dev/console", O_RDWR, 0);
        assertThat(write(console, "hello, ")).isEqualTo(7);
        assertThat(write(tty, "world")).isEqualTo(5);
        byte[] b = "xx\n!".getBytes();
        assertThat(console.write(b, 2, 1)).isEqualTo(1);
        assertThat(fx.console.output()).isEqualTo("hello, world\n");
        assertThat(fx.console.writes).isEqualTo(3);
    }

    @Test
    void console_reads_come_from_the_host_and_return_zero_at_end_of_input() {
        fx.console.input("ls\n");
        var tty = fx.open(fx.at(USER), "/dev/console", O_RDONLY, 0);
        assertThat(read(tty, 2)).isEqualTo("ls");
        assertThat(read(tty, 10)).isEqualTo("\n");
        assertThat(read(tty, 10)).isEmpty();
    }

    @Test
    void lseek_on_a_terminal_is_espipe() {
        var tty = fx.open(fx.at(USER), "/dev/tty", O_RDWR, 0);
        assertThat(tty.lseek(0, SEEK_SET)).isEqualTo(-Errno.ESPIPE);
        assertThat(tty.lseek(0, SEEK_CUR)).isEqualTo(-Errno.ESPIPE);
    }

    @Test
    void dev_null_reads_end_of_file_and_swallows_writes() {
        var nul = fx.open(fx.at(USER), "/dev/null", O_RDWR, 0);
        assertThat(write(nul, "discarded")).isEqualTo(9);
        assertThat(nul.read(new byte[16], 0, 16)).isZero();
        assertThat(fx.console.output()).isEmpty();
        assertThat(nul.stat().size()).isZero();
        assertThat(nul.lseek(0, SEEK_SET)).isZero();
    }

    @Test
    void dev_zero_reads_as_many_zeros_as_asked_for() {
        var zero = fx.open(fx.at(USER), "/dev/zero", O_RDWR, 0);
        byte[] b = new byte[64];
        Arrays.fill(b, (byte) 7);
        assertThat(zero.read(b, 8, 32)).isEqualTo(32);
        for (int i = 0; i < 64; i++) assertThat(b[i]).as("byte %d", i).isEqualTo((byte) (i >= 8 && i < 40 ? 0 : 7));
        assertThat(write(zero, "gone")).isEqualTo(4);
    }

    @Test
    void the_nodes_carry_their_device_numbers_and_one_with_no_driver_opens_with_ENXIO() {
        assertThat(fx.fs.stat(fx.vnode("/dev/null")).rdev()).isEqualTo(Cdevsw.NULL);
        assertThat(fx.fs.stat(fx.vnode("/dev/tty")).rdev()).isEqualTo(Cdevsw.TTY);
        assertThat(fx.fs.stat(fx.vnode("/dev/console")).rdev()).isEqualTo(Cdevsw.CONSOLE);
        // open(2): "ENXIO The named file is a character special ... file, and the device associated with this special
        // file does not exist."
        fx.vnode("/dev").inode.create("gone", FileMode.S_IFCHR | 0666, 0, 0,
                Cdevsw.makedev(9, 1));
        assertThat(fx.fs.open(fx.at(USER), "/dev/gone", O_RDONLY, 0).errno()).isEqualTo(Errno.ENXIO);
        assertThat(fx.fs.openFiles()).isZero();
    }
}
