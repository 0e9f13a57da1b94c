package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** mmap(2) of files: MAP_SHARED stores reach the file, MAP_PRIVATE ones do not, past the end is SIGBUS. */
class FileMappingTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    private static int create(Sys sys, String path, String contents) {
        int fd = sys.open(path, Fcntl.O_RDWR | Fcntl.O_CREAT | Fcntl.O_TRUNC, 0644);
        byte[] b = contents.getBytes(StandardCharsets.UTF_8);
        sys.write(fd, b, 0, b.length);
        return fd;
    }

    private static String contents(Sys sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        byte[] b = new byte[8192];
        int n = sys.read(fd, b, 0, b.length);
        sys.close(fd);
        return new String(b, 0, Math.max(n, 0), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void stores_through_a_shared_mapping_reach_the_file_by_msync_and_by_munmap(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            int fd = create(sys, "/tmp/f", "hello, file");
            long a = sys.mmap(0, 4096, RW, Mman.MAP_SHARED, fd, 0);
            if (sys.cpu().load8(a) != 'h') return 1;
            sys.cpu().store8(a, (byte) 'j');
            if (sys.msync(a, 4096, Mman.MS_SYNC) != 0) return 2;
            String afterSync = contents(sys, "/tmp/f");
            sys.cpu().store8(a + 1, (byte) 'E');
            sys.munmap(a, 4096);
            Sim.puts(sys, afterSync + " / " + contents(sys, "/tmp/f"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("jello, file / jEllo, file\n");
    }

    @Test
    void a_private_mapping_copies_on_write_and_never_writes_the_file() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int fd = create(sys, "/tmp/f", "original");
            long a = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE, fd, 0);
            sys.cpu().store8(a, (byte) 'X');
            boolean mine = sys.cpu().load8(a) == 'X';
            sys.munmap(a, 4096);
            Sim.puts(sys, mine + " " + contents(sys, "/tmp/f"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true original\n");
    }

    @Test
    void processes_mapping_one_file_shared_see_each_others_stores() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int fd = create(sys, "/tmp/f", "0");
            int c = sys.fork(s -> {
                int cfd = s.open("/tmp/f", Fcntl.O_RDWR);
                long b = s.mmap(0, 4096, RW, Mman.MAP_SHARED, cfd, 0);
                s.close(cfd);
                while (s.cpu().load8(b) != '1') s.sched_yield();
                s.cpu().store8(b, (byte) '2');
                return 0;
            });
            long a = sys.mmap(0, 4096, RW, Mman.MAP_SHARED, fd, 0);
            sys.cpu().store8(a, (byte) '1');
            while (sys.cpu().load8(a) != '2') sys.sched_yield();
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]);
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_page_wholly_past_the_end_of_the_file_gets_SIGBUS() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int fd = create(sys, "/tmp/f", "short");
            long a = sys.mmap(0, 8192, Mman.PROT_READ, Mman.MAP_SHARED, fd, 0);
            int c = sys.fork(s -> {
                // mmap(2): "references beyond the end of the object result in the delivery of a SIGBUS".
                boolean zeros = s.cpu().load8(a + 100) == 0;
                s.cpu().load8(a + 4096);
                return zeros ? 0 : 1;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WIFSIGNALED(st[0]) && Wait.WTERMSIG(st[0]) == Signals.SIGBUS ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void mapping_a_file_needs_the_right_access_and_a_mappable_object() {
        var o = Sim.with().program("t", (sys, argv) -> {
            create(sys, "/tmp/f", "data");
            int wo = sys.open("/tmp/f", Fcntl.O_WRONLY);
            int ro = sys.open("/tmp/f", Fcntl.O_RDONLY);
            int dev = sys.open("/dev/null", Fcntl.O_RDWR);
            boolean writeOnly = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_SHARED, wo, 0) == -1
                    && sys.errno() == Errno.EACCES;
            boolean sharedWrite = sys.mmap(0, 4096, RW, Mman.MAP_SHARED, ro, 0) == -1 && sys.errno() == Errno.EACCES;
            boolean privateWrite = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE, ro, 0) != -1;
            boolean device = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_SHARED, dev, 0) == -1
                    && sys.errno() == Errno.ENODEV;
            boolean unaligned = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_SHARED, ro, 100) == -1
                    && sys.errno() == Errno.EINVAL;
            boolean closed = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_SHARED, 99, 0) == -1
                    && sys.errno() == Errno.EBADF;
            return writeOnly && sharedWrite && privateWrite && device && unaligned && closed ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_mapping_outlives_the_descriptor_and_the_name() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int fd = create(sys, "/tmp/f", "kept");
            long a = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_SHARED, fd, 0);
            sys.close(fd);
            sys.unlink("/tmp/f");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) b[i] = sys.cpu().load8(a + i);
            Sim.puts(sys, new String(b, StandardCharsets.UTF_8));
            return sys.munmap(a, 4096);
        }).run("t");
        assertThat(o.console()).isEqualTo("kept\n");
    }
}
