package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EPIPE;
import static sprocket.ipc.Pipe.PIPE_BUF;
import static sprocket.ipc.Pipe.PIPE_MAX;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/** pipe(2)'s rules, through open-file entries like the kernel's over the two ends. */
class PipeTest {

    private final FakeKernel kernel = new FakeKernel();
    private final Ipc ipc = new SysvIpcProvider().create(kernel.context());
    private final FakeEntry r;
    private final FakeEntry w;

    PipeTest() {
        PipeEnds p = ipc.pipe();
        r = new FakeEntry(p.readEnd(), Fcntl.O_RDONLY);
        w = new FakeEntry(p.writeEnd(), Fcntl.O_WRONLY);
    }

    @Test
    void pipe_makes_one_live_pipe_with_an_empty_buffer() {
        assertThat(ipc.livePipes()).isEqualTo(1);
        assertThat(r.stat().size()).isZero();
    }

    @Test
    void bytes_come_out_in_the_order_they_went_in_across_the_end_of_the_ring() {
        write(w, PIPE_MAX - 3);
        assertThat(r.read(new byte[PIPE_MAX - 3], 0, PIPE_MAX - 3)).isEqualTo(PIPE_MAX - 3);

        assertThat(w.write(bytes("wrapped!"), 0, 8)).isEqualTo(8);
        var got = new byte[8];
        assertThat(r.read(got, 0, 8)).isEqualTo(8);
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("wrapped!");
    }

    @Test
    void read_returns_the_bytes_available_at_once_without_waiting_for_len() {
        w.write(bytes("abc"), 0, 3);
        var got = new byte[100];
        assertThat(r.read(got, 10, 100 - 10)).isEqualTo(3);
        assertThat(new String(got, 10, 3, StandardCharsets.US_ASCII)).isEqualTo("abc");
        assertThat(kernel.slept).isEmpty();
    }

    @Test
    void read_returns_eof_once_the_last_writer_has_released_and_the_pipe_is_drained() {
        w.hold(); // a dup: one release leaves a writer
        w.write(bytes("hi"), 0, 2);
        w.release();
        r.setFlags(Fcntl.O_NONBLOCK);
        var got = new byte[10];
        assertThat(r.read(got, 0, 10)).isEqualTo(2);
        assertThat(r.read(got, 0, 10)).as("a writer is still open").isEqualTo(-EAGAIN);

        w.release();
        // read(2): "If no process has the pipe open for writing, read() shall return 0 to indicate end-of-file."
        assertThat(r.read(got, 0, 10)).isZero();
    }

    @Test
    void an_empty_read_sleeps_until_a_writer_writes_and_the_writer_wakes_it() {
        kernel.thenOther(() -> assertThat(w.write(bytes("late"), 0, 4)).isEqualTo(4));
        var got = new byte[10];
        assertThat(r.read(got, 0, 10)).isEqualTo(4);
        assertThat(kernel.slept).hasSize(1);
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
    }

    @Test
    void a_sleeping_reader_gets_eof_when_the_last_writer_closes() {
        kernel.thenOther(w::release);
        assertThat(r.read(new byte[10], 0, 10)).isZero();
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
    }

    @Test
    void write_with_no_reader_sends_sigpipe_to_the_caller_and_fails_with_epipe() {
        r.release();
        // write(2): "EPIPE ... A SIGPIPE signal shall also be sent to the thread."
        assertThat(w.write(bytes("x"), 0, 1)).isEqualTo(-EPIPE);
        assertThat(kernel.signals).containsExactly(FakeKernel.PID + ":" + Signals.SIGPIPE);
    }

    @Test
    void a_writer_sleeping_for_room_gets_epipe_when_the_last_reader_closes() {
        write(w, PIPE_MAX);
        kernel.thenOther(r::release);
        assertThat(w.write(bytes("x"), 0, 1)).isEqualTo(-EPIPE);
        assertThat(kernel.signals).containsExactly(FakeKernel.PID + ":" + Signals.SIGPIPE);
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
    }

    @Test
    void nonblocking_read_of_an_empty_pipe_with_a_writer_fails_with_eagain() {
        r.setFlags(Fcntl.O_NONBLOCK);
        assertThat(r.read(new byte[1], 0, 1)).isEqualTo(-EAGAIN);
        assertThat(kernel.slept).isEmpty();
    }

    @Test
    void nonblocking_write_to_a_full_pipe_fails_with_eagain() {
        w.setFlags(Fcntl.O_NONBLOCK);
        write(w, PIPE_MAX);
        assertThat(w.write(bytes("x"), 0, 1)).isEqualTo(-EAGAIN);
        assertThat(w.write(new byte[PIPE_BUF + 1], 0, PIPE_BUF + 1)).isEqualTo(-EAGAIN);
        assertThat(kernel.slept).isEmpty();
    }

    @Test
    void nonblocking_write_of_at_most_pipe_buf_bytes_that_does_not_fit_writes_nothing() {
        w.setFlags(Fcntl.O_NONBLOCK);
        write(w, PIPE_MAX - 10);
        assertThat(w.write(new byte[11], 0, 11)).isEqualTo(-EAGAIN);
        assertThat(w.stat().size()).isEqualTo(PIPE_MAX - 10);
        assertThat(w.write(new byte[10], 0, 10)).isEqualTo(10);
    }

    @Test
    void nonblocking_write_of_more_than_pipe_buf_bytes_writes_what_fits() {
        w.setFlags(Fcntl.O_NONBLOCK);
        write(w, 100);
        assertThat(w.write(new byte[PIPE_BUF + 500], 0, PIPE_BUF + 500)).isEqualTo(PIPE_MAX - 100);
        assertThat(w.stat().size()).isEqualTo(PIPE_MAX);
    }

    @Test
    void a_blocking_write_of_at_most_pipe_buf_bytes_waits_for_room_for_all_of_it_rather_than_splitting() {
        write(w, PIPE_MAX - 10);
        long[] sizeSeen = new long[2];
        kernel.thenOther(() -> {
            sizeSeen[0] = r.stat().size();
            r.read(new byte[50], 0, 50); // room for 60: not enough for 100
        }).thenOther(() -> {
            sizeSeen[1] = r.stat().size();
            r.read(new byte[50], 0, 50); // room for 110
        });

        assertThat(w.write(new byte[100], 0, 100)).isEqualTo(100);
        assertThat(sizeSeen).as("nothing of the write went in before it all fit")
                .containsExactly(PIPE_MAX - 10, PIPE_MAX - 60);
        assertThat(kernel.slept).hasSize(2);
        assertThat(w.stat().size()).isEqualTo(PIPE_MAX - 110 + 100);
    }

    @Test
    void a_blocking_write_larger_than_the_pipe_goes_in_as_the_reader_drains_it() {
        int len = PIPE_MAX * 2 + 7;
        var data = new byte[len];
        for (int i = 0; i < len; i++) data[i] = (byte) (i * 31 + 7);
        var out = new byte[len];
        int[] got = {0};
        Runnable drain = () -> got[0] += r.read(out, got[0], len - got[0]);
        kernel.thenOther(drain).thenOther(drain);

        assertThat(w.write(data, 0, len)).isEqualTo(len);
        drain.run();
        assertThat(got[0]).isEqualTo(len);
        assertThat(out).isEqualTo(data);
    }

    @Test
    void a_write_interrupted_after_some_bytes_returns_the_count_written() {
        kernel.thenSignal();
        assertThat(w.write(new byte[PIPE_MAX + 5000], 0, PIPE_MAX + 5000)).isEqualTo(PIPE_MAX);
        assertThat(kernel.allSleepsUsed()).isTrue();
    }

    @Test
    void a_read_or_write_interrupted_before_any_byte_fails_with_eintr() {
        kernel.thenSignal();
        assertThat(r.read(new byte[1], 0, 1)).isEqualTo(-EINTR);

        write(w, PIPE_MAX - 1);
        kernel.thenSignal();
        assertThat(w.write(new byte[2], 0, 2)).as("atomic: nothing went in").isEqualTo(-EINTR);
        assertThat(w.stat().size()).isEqualTo(PIPE_MAX - 1);
    }

    @Test
    void reading_through_the_write_end_or_writing_through_the_read_end_is_a_kernel_bug() {
        // The kernel's open file checks the access mode (EBADF) before it calls an end.
        assertThatThrownBy(() -> w.ops().read(new byte[1], 0, 1, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.ops().write(new byte[1], 0, 1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fstat_shows_a_fifo_of_the_creator_holding_the_buffered_bytes() {
        kernel.clock = 5 * FakeKernel.HZ;
        write(w, 123);
        var st = r.stat();
        assertThat(st.type()).isEqualTo(FileMode.S_IFIFO);
        assertThat(st.mode() & 07777).isEqualTo(0600);
        assertThat(st.uid()).isEqualTo(101);
        assertThat(st.gid()).isEqualTo(21);
        assertThat(st.size()).isEqualTo(123);
        assertThat(st.mtime()).isEqualTo(5);
        assertThat(st.ctime()).isEqualTo(5);
        assertThat(st.atime()).as("never read since it was made at time 0").isZero();
        assertThat(ipc.pipe().readEnd().stat().ino()).isNotEqualTo(st.ino());
    }

    @Test
    void a_pipe_charges_nothing_for_the_bytes_it_copies_the_kernels_copy_service_does() {
        w.write(new byte[10], 0, 10);
        r.read(new byte[10], 0, 10);
        assertThat(kernel.charged).isZero();
    }

    @Test
    void live_pipes_go_back_to_zero_when_both_ends_of_each_are_closed() {
        PipeEnds second = ipc.pipe();
        assertThat(ipc.livePipes()).isEqualTo(2);

        r.release();
        w.release();
        assertThat(ipc.livePipes()).isEqualTo(1);
        second.writeEnd().close();
        assertThat(ipc.livePipes()).as("the read end is still open").isEqualTo(1);
        second.readEnd().close();
        assertThat(ipc.livePipes()).isZero();
    }

    @Test
    void closing_an_end_twice_is_a_kernel_bug() {
        r.release();
        assertThatThrownBy(() -> r.ops().close()).isInstanceOf(IllegalStateException.class);
    }

    private static void write(FakeEntry w, int n) {
        assertThat(w.write(new byte[n], 0, n)).isEqualTo(n);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
