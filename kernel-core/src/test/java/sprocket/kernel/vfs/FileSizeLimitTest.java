package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

/** RLIMIT_FSIZE on write(2) to regular files. */
class FileSizeLimitTest {

    private static final String SIGXFSZ_TO_CALLER = "7:" + Signals.SIGXFSZ;

    private final Fixture fx = new Fixture();
    private final Entry f = fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644);

    FileSizeLimitTest() {
        fx.kernel.pid = 7;
    }

    @Test
    void a_write_that_would_cross_the_limit_writes_up_to_it() {
        // write(2): "suppose there is space for 20 bytes more in a file before reaching a limit. A write of 512
        // bytes returns 20."
        fx.kernel.fileSizeLimit = 10;
        assertThat(write(f, "0123456789abcde")).isEqualTo(10);
        assertThat(f.stat().size()).isEqualTo(10);
        assertThat(f.lseek(0, SEEK_SET)).isZero();
        assertThat(read(f, 20)).isEqualTo("0123456789");
        assertThat(fx.kernel.signals).isEmpty();
    }

    @Test
    void a_write_at_the_limit_fails_with_efbig_and_sends_sigxfsz() {
        // write(2): "The next write of a non-zero number of bytes gives a failure return"; getrlimit(2): "If a write
        // ... would cause this limit to be exceeded, SIGXFSZ is sent to the process."
        fx.kernel.fileSizeLimit = 10;
        assertThat(write(f, "0123456789")).isEqualTo(10);
        assertThat(write(f, "x")).isEqualTo(-Errno.EFBIG);
        assertThat(fx.kernel.signals).containsExactly(SIGXFSZ_TO_CALLER);
        assertThat(f.stat().size()).isEqualTo(10);
    }

    @Test
    void a_write_past_the_limit_after_a_seek_fails_and_leaves_no_hole() {
        fx.kernel.fileSizeLimit = 10;
        assertThat(f.lseek(50, SEEK_SET)).isEqualTo(50);
        assertThat(write(f, "x")).isEqualTo(-Errno.EFBIG);
        assertThat(f.stat().size()).isZero();
        assertThat(fx.kernel.signals).containsExactly(SIGXFSZ_TO_CALLER);
    }

    @Test
    void the_limit_is_on_the_offset_so_rewriting_below_it_in_a_larger_file_works() {
        assertThat(write(f, "x".repeat(100))).isEqualTo(100);
        fx.kernel.fileSizeLimit = 50;
        assertThat(f.lseek(10, SEEK_SET)).isEqualTo(10);
        assertThat(write(f, "abcde")).isEqualTo(5);
        assertThat(f.lseek(48, SEEK_SET)).isEqualTo(48);
        assertThat(write(f, "abcde")).isEqualTo(2);
        assertThat(write(f, "abcde")).isEqualTo(-Errno.EFBIG);
        assertThat(f.stat().size()).isEqualTo(100);
    }

    @Test
    void an_append_starts_at_the_end_so_it_is_checked_there() {
        assertThat(write(f, "0123456789")).isEqualTo(10);
        fx.kernel.fileSizeLimit = 12;
        Entry a = fx.open(fx.at(ROOT), "/tmp/f", O_WRONLY | O_APPEND, 0);
        assertThat(f.lseek(0, SEEK_SET)).isZero();
        assertThat(write(a, "abc")).isEqualTo(2);
        assertThat(write(a, "abc")).isEqualTo(-Errno.EFBIG);
    }

    @Test
    void a_zero_length_write_at_the_limit_returns_zero_without_a_signal() {
        fx.kernel.fileSizeLimit = 0;
        assertThat(f.write(new byte[1], 0, 0)).isZero();
        assertThat(fx.kernel.signals).isEmpty();
    }

    @Test
    void a_limit_of_zero_keeps_a_process_from_writing_any_file_but_not_a_device() {
        // getrlimit(2): "A limit of 0 will prevent the creation of a file."
        fx.kernel.fileSizeLimit = 0;
        assertThat(write(f, "a")).isEqualTo(-Errno.EFBIG);
        Entry dev = fx.open(fx.at(ROOT), "/dev/null", O_WRONLY, 0);
        assertThat(write(dev, "abc")).isEqualTo(3);
        assertThat(fx.kernel.signals).containsExactly(SIGXFSZ_TO_CALLER);
    }
}
