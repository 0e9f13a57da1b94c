package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_EXCL;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_TRUNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/** mkfifo(3C) and open(2) of a FIFO: the blocking rendezvous, the pipe behind it, and its life. */
class FifoTest {

    private static final String F = "/tmp/fifo";
    private static final int READER = 1;
    private static final int WRITER = 2;

    private final Fixture fx = new Fixture();

    FifoTest() {
        assertThat(fx.fs.mkfifo(fx.at(USER), F, 0666)).isZero();
    }

    private int openErrno(int pid, int flags) {
        int[] e = new int[1];
        fx.kernel.as(pid, () -> e[0] = fx.fs.open(fx.at(USER), F, flags, 0).errno());
        return e[0];
    }

    private Entry open(int pid, int flags) {
        Entry[] f = new Entry[1];
        fx.kernel.as(pid, () -> f[0] = fx.open(fx.at(USER), F, flags, 0));
        return f[0];
    }

    @Test
    void mkfifo_makes_a_fifo_with_the_mode_less_the_umask_owned_by_the_effective_ids() {
        // mkfifo(3C): "The file permission bits of the new FIFO are initialized from mode ... modified by the
        // process's file creation mask"; "The FIFO's owner ID is set to the process's effective user ID."
        var c = new Credentials(1, 100, 2, 10, 027);
        assertThat(fx.fs.mkfifo(fx.at(c), "/tmp/p", 04777)).isZero();
        var st = fx.fs.stat(fx.at(c), "/tmp/p", true, new int[1]);
        assertThat(st.mode()).isEqualTo(FileMode.S_IFIFO | 0750);
        assertThat(st.uid()).isEqualTo(100);
        assertThat(st.gid()).isEqualTo(10);
        assertThat(st.nlink()).isEqualTo(1);
        assertThat(st.size()).isZero();
    }

    @Test
    void mkfifo_fails_as_creating_a_file_does() {
        // mkfifo(3C): "EEXIST The named file exists."
        assertThat(fx.fs.mkfifo(fx.at(USER), F, 0666)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mkfifo(fx.at(USER), "/tmp", 0666)).isEqualTo(Errno.EEXIST);
        assertThat(fx.fs.mkfifo(fx.at(USER), "/nodir/p", 0666)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.mkfifo(fx.at(USER), "", 0666)).isEqualTo(Errno.ENOENT);
        assertThat(fx.fs.mkfifo(fx.at(USER), F + "/p", 0666)).isEqualTo(Errno.ENOTDIR);
        assertThat(fx.fs.mkfifo(fx.at(USER), "/bin/p", 0666)).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkfifo(fx.at(USER), "/tmp/" + "n".repeat(256), 0666)).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(fx.fs.mkfifo(fx.at(ROOT), "/bin/p", 0666)).isZero();
    }

    @Test
    void a_fifo_is_linked_renamed_and_unlinked_like_a_file() {
        assertThat(fx.fs.link(fx.at(USER), F, "/tmp/other")).isZero();
        assertThat(fx.fs.stat(fx.vnode(F)).nlink()).isEqualTo(2);
        assertThat(fx.fs.rename(fx.at(USER), "/tmp/other", "/tmp/moved")).isZero();
        assertThat(fx.fs.stat(fx.vnode("/tmp/moved")).type()).isEqualTo(FileMode.S_IFIFO);
        assertThat(fx.fs.unlink(fx.at(USER), F)).isZero();
        assertThat(fx.fs.unlink(fx.at(USER), "/tmp/moved")).isZero();
        assertThat(fx.fs.lookup(fx.at(USER), "/tmp/moved").errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void opening_a_fifo_checks_permission_as_for_a_file() {
        assertThat(fx.fs.mkfifo(fx.at(ROOT), "/tmp/private", 0600)).isZero();
        assertThat(fx.fs.open(fx.at(USER), "/tmp/private", O_RDONLY | O_NONBLOCK, 0).errno()).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.open(fx.at(USER), F, O_CREAT | O_EXCL | O_RDWR, 0666).errno()).isEqualTo(Errno.EEXIST);
        assertThat(fx.pipes.made).isZero();
        assertThat(fx.fs.openFiles()).isZero();
    }

    @Test
    void a_reader_sleeps_in_open_until_a_writer_opens() {
        // open(2): "an open for reading-only will block until a process opens the file for writing."
        Entry[] writer = new Entry[1];
        fx.kernel.thenOther(WRITER, () -> writer[0] = open(WRITER, O_WRONLY));
        Entry reader = open(READER, O_RDONLY);
        var fifo = fx.vnode(F).fifo;
        assertThat(fx.kernel.slept).containsExactly(fifo);
        assertThat(fx.kernel.woken).contains(fifo);
        assertThat(fx.kernel.allSleepsUsed()).isTrue();
        assertThat(write(writer[0], "hello")).isEqualTo(5);
        assertThat(read(reader, 10)).isEqualTo("hello");
        assertThat(fx.pipes.made).isEqualTo(1);
    }

    @Test
    void a_waiting_reader_returns_when_a_writer_opened_meanwhile_even_if_it_already_closed() {
        // The writer opens, writes and closes before the reader runs again: the reader had a partner, so its open
        // returns (as Linux's wait_for_partner does), and it reads the bytes, then end of file.
        fx.kernel.thenOther(WRITER, () -> {
            Entry w = open(WRITER, O_WRONLY);
            write(w, "gone");
            w.release();
        });
        Entry reader = open(READER, O_RDONLY);
        assertThat(fx.kernel.slept).containsExactly(fx.vnode(F).fifo);
        assertThat(read(reader, 10)).isEqualTo("gone");
        assertThat(read(reader, 10)).isEmpty();
    }

    @Test
    void a_writer_sleeps_in_open_until_a_reader_opens() {
        // open(2): "An open for writing-only will block until a process opens the file for reading."
        Entry[] reader = new Entry[1];
        fx.kernel.thenOther(READER, () -> reader[0] = open(READER, O_RDONLY));
        Entry writer = open(WRITER, O_WRONLY);
        assertThat(fx.kernel.slept).containsExactly(fx.vnode(F).fifo);
        assertThat(write(writer, "abc")).isEqualTo(3);
        assertThat(read(reader[0], 10)).isEqualTo("abc");
        assertThat(fx.pipes.made).isEqualTo(1);
        assertThat(fx.fs.openFiles()).isEqualTo(2);
    }

    @Test
    void a_non_blocking_reader_opens_at_once_and_reads_end_of_file_with_no_writer() {
        // open(2): "An open for reading-only will return without delay"; read(2): "If no process has the pipe open
        // for writing, read() shall return 0 to indicate end-of-file."
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        assertThat(fx.kernel.slept).isEmpty();
        assertThat(read(reader, 10)).isEmpty();
        reader.setFlags(0);
        assertThat(read(reader, 10)).isEmpty();
        assertThat(fx.kernel.slept).isEmpty();
    }

    @Test
    void a_non_blocking_writer_with_no_reader_fails_with_enxio() {
        // open(2): "ENXIO O_NDELAY or O_NONBLOCK is set, the named file is a FIFO, O_WRONLY is set, and no process
        // has the file open for reading."
        assertThat(openErrno(WRITER, O_WRONLY | O_NONBLOCK)).isEqualTo(Errno.ENXIO);
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(fx.pipes.made).isZero();
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY | O_NONBLOCK);
        assertThat(write(writer, "x")).isEqualTo(1);
        assertThat(read(reader, 10)).isEqualTo("x");
        assertThat(fx.kernel.slept).isEmpty();
    }

    @Test
    void o_rdwr_opens_at_once_as_both_reader_and_writer() {
        Entry both = open(READER, O_RDWR | O_TRUNC);
        assertThat(fx.kernel.slept).isEmpty();
        assertThat(write(both, "loop")).isEqualTo(4);
        assertThat(read(both, 10)).isEqualTo("loop");
        // A writer may now open without waiting: the O_RDWR open is a reader.
        Entry writer = open(WRITER, O_WRONLY | O_NONBLOCK);
        assertThat(write(writer, "more")).isEqualTo(4);
        assertThat(read(both, 10)).isEqualTo("more");
    }

    @Test
    void an_open_fifo_stats_as_the_fifo_and_cannot_seek() {
        Entry both = open(READER, O_RDWR);
        var st = both.stat();
        var fifo = fx.vnode(F);
        assertThat(st.ino()).isEqualTo(fifo.ino());
        assertThat(st.mode()).isEqualTo(FileMode.S_IFIFO | 0644);
        assertThat(both.vnode()).isEqualTo(fifo);
        assertThat(write(both, "12345")).isEqualTo(5);
        assertThat(both.stat().size()).isEqualTo(5);
        // lseek(2): "ESPIPE fildes is associated with a pipe or fifo."
        assertThat(both.lseek(0, SEEK_SET)).isEqualTo(-Errno.ESPIPE);
    }

    @Test
    void a_reader_reads_end_of_file_when_the_last_writer_closes_and_a_later_writer_reaches_it() {
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY);
        assertThat(write(writer, "left over")).isEqualTo(9);
        writer.release();
        assertThat(read(reader, 5)).isEqualTo("left ");
        // A new writer while "over" is still unread: the reader sees it first, then the new bytes.
        Entry second = open(WRITER, O_WRONLY);
        assertThat(write(second, "!")).isEqualTo(1);
        assertThat(read(reader, 10)).isEqualTo("over!");
        second.release();
        assertThat(read(reader, 10)).isEmpty();
        assertThat(fx.pipes.live).isEqualTo(1);
    }

    @Test
    void a_reader_asleep_in_read_wakes_with_end_of_file_when_the_last_writer_closes() {
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY);
        reader.setFlags(0);
        fx.kernel.thenOther(WRITER, writer::release);
        assertThat(read(reader, 10)).isEmpty();
        assertThat(fx.kernel.allSleepsUsed()).isTrue();
    }

    @Test
    void writing_with_no_reader_left_sends_sigpipe_and_fails_with_epipe() {
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY);
        reader.release();
        fx.kernel.as(WRITER, () -> assertThat(write(writer, "x")).isEqualTo(-Errno.EPIPE));
        assertThat(fx.kernel.signals).containsExactly(WRITER + ":" + Signals.SIGPIPE);
        // A reader opening again gets what the writer writes from then on.
        Entry again = open(READER, O_RDONLY);
        assertThat(write(writer, "y")).isEqualTo(1);
        assertThat(read(again, 10)).isEqualTo("y");
    }

    @Test
    void the_pipe_goes_with_the_last_open_and_the_next_open_makes_a_new_one() {
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY);
        reader.hold();
        reader.release();
        assertThat(write(writer, "lost")).isEqualTo(4);
        writer.release();
        assertThat(fx.pipes.live).isEqualTo(1);
        reader.release();
        assertThat(fx.pipes.live).isZero();
        assertThat(fx.fs.openFiles()).isZero();
        Entry both = open(READER, O_RDWR);
        assertThat(fx.pipes.made).isEqualTo(2);
        assertThat(fx.pipes.live).isEqualTo(1);
        // The old pipe's bytes went with it.
        assertThat(both.stat().size()).isZero();
        both.release();
        assertThat(fx.pipes.live).isZero();
        assertThat(fx.fs.openFiles()).isZero();
    }

    @Test
    void a_signal_while_waiting_in_open_undoes_the_open() {
        // The sleep is interruptible; the open fails with EINTR and leaves no reader behind.
        fx.kernel.thenSignal();
        assertThat(openErrno(READER, O_RDONLY)).isEqualTo(Errno.EINTR);
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(fx.pipes.live).isZero();
        assertThat(openErrno(WRITER, O_WRONLY | O_NONBLOCK)).isEqualTo(Errno.ENXIO);
        fx.kernel.thenSignal();
        assertThat(openErrno(WRITER, O_WRONLY)).isEqualTo(Errno.EINTR);
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(fx.pipes.live).isZero();
    }

    @Test
    void an_errno_from_the_ipc_module_fails_the_open() {
        fx.pipes.failWith = Errno.ENFILE;
        assertThat(openErrno(READER, O_RDWR)).isEqualTo(Errno.ENFILE);
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(open(READER, O_RDWR)).isNotNull();
        assertThat(fx.fs.openFiles()).isEqualTo(1);
    }

    @Test
    void each_fifo_open_is_one_open_file_table_entry() {
        Entry reader = open(READER, O_RDONLY | O_NONBLOCK);
        Entry writer = open(WRITER, O_WRONLY);
        Entry both = open(READER, O_RDWR);
        assertThat(fx.fs.openFiles()).isEqualTo(3);
        writer.hold();
        writer.release();
        assertThat(fx.fs.openFiles()).isEqualTo(3);
        reader.release();
        writer.release();
        both.release();
        assertThat(fx.fs.openFiles()).isZero();
        assertThat(fx.pipes.live).isZero();
    }

    @Test
    void a_closed_fifo_end_refuses_io() {
        Entry both = open(READER, O_RDWR);
        Entry reader = open(READER, O_RDONLY);
        assertThat(write(reader, "x")).isEqualTo(-Errno.EBADF);
        both.release();
        assertThat(write(both, "x")).isEqualTo(-Errno.EBADF);
        assertThat(both.read(new byte[1], 0, 1)).isEqualTo(-Errno.EBADF);
    }
}
