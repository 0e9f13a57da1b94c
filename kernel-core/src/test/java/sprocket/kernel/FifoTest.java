package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Wait;

/** FIFOs made by mkfifo(3C): a name in the file system, a pipe behind it, and open's waiting rules. */
class FifoTest {

    @Test
    void a_reader_waits_for_a_writer_and_reads_what_it_writes_until_end_of_file() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            if (sys.mkfifo("/tmp/fifo", 0600) != 0) return 1;
            boolean isFifo = (sys.stat("/tmp/fifo").mode() & FileMode.S_IFMT) == FileMode.S_IFIFO;
            int c = sys.fork(s -> {
                s.sleep(1);
                // The writer opens, writes, closes and exits before the waiting reader runs again: the reader must
                // still return from open (it had a partner) and read the bytes, then end of file.
                int w = s.open("/tmp/fifo", Fcntl.O_WRONLY);
                byte[] m = "through the fifo".getBytes();
                s.write(w, m, 0, m.length);
                return s.close(w);
            });
            // open(2): "O_RDONLY without O_NDELAY or O_NONBLOCK blocks until a process opens the file for writing".
            int r = sys.open("/tmp/fifo", Fcntl.O_RDONLY);
            byte[] b = new byte[64];
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = sys.read(r, b, 0, b.length)) > 0) got.append(new String(b, 0, n));
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            Sim.puts(sys, isFifo + " " + got + " " + n + " " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("true through the fifo 0 0\n");
    }

    @Test
    void a_nonblocking_writer_with_no_reader_gets_ENXIO_and_a_nonblocking_reader_opens_at_once() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.mkfifo("/tmp/fifo", 0600);
            // open(2): "O_WRONLY with O_NONBLOCK: an error (ENXIO) if no process has the file open for reading".
            boolean enxio = sys.open("/tmp/fifo", Fcntl.O_WRONLY | Fcntl.O_NONBLOCK) == -1
                    && sys.errno() == Errno.ENXIO;
            int r = sys.open("/tmp/fifo", Fcntl.O_RDONLY | Fcntl.O_NONBLOCK);
            int w = sys.open("/tmp/fifo", Fcntl.O_WRONLY | Fcntl.O_NONBLOCK);
            boolean both = r >= 0 && w >= 0;
            boolean exists = sys.mkfifo("/tmp/fifo", 0600) == -1 && sys.errno() == Errno.EEXIST;
            return enxio && both && exists ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }
}
