package sprocket.ipc;

import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EPIPE;

import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A pipe: a bounded ring of bytes between a read end and a write end, with the blocking rules of pipe(2),
 * read(2) and write(2). Readers sleep on one channel for data, writers on another for room; like SVR4's
 * fifofs (FIFOWANTR, FIFOWANTW) a side only wakes the other when someone there is waiting.
 */
final class Pipe {

    /** The most bytes a pipe holds (IRIX). */
    static final int PIPE_MAX = 10240;
    /** write(2): "Write requests of {PIPE_BUF} bytes or less shall not be interleaved"; IRIX's value. */
    static final int PIPE_BUF = 10240;
    /** st_dev of every pipe: they live on no mounted file system, so (st_dev, st_ino) names no real file. */
    static final int PIPE_DEV = 0xFFFF;
    /** pipe(2) makes the pipe readable and writable by its creator only. */
    static final int PIPE_MODE = FileMode.S_IFIFO | 0600;

    private final SysvIpc owner;
    private final KernelServices kernel;
    private final int id;
    private final int uid;
    private final int gid;
    private final PipeEnd readEnd;
    private final PipeEnd writeEnd;
    private final WaitChannel dataChannel;
    private final WaitChannel roomChannel;

    private final byte[] ring = new byte[PIPE_MAX];
    /** Index of the oldest unread byte, and how many bytes are buffered. */
    private int head;
    private int count;
    /** Open ends of each kind (an end is open while a descriptor refers to it). */
    private int readers = 1;
    private int writers = 1;
    private boolean readerWaits;
    private boolean writerWaits;
    /**
     * The time-of-day clock's cycles at the last read, the last write, and the last change (stat turns them into
     * seconds): an addition to stamp on every read and write, where a time in seconds would cost a division.
     */
    private long atime;
    private long mtime;
    private long ctime;

    Pipe(SysvIpc owner, KernelServices kernel, int id, int uid, int gid) {
        this.owner = owner;
        this.kernel = kernel;
        this.id = id;
        this.uid = uid;
        this.gid = gid;
        this.readEnd = new PipeEnd(this, Fcntl.O_RDONLY);
        this.writeEnd = new PipeEnd(this, Fcntl.O_WRONLY);
        this.dataChannel = new WaitChannel("pipe#" + id + ".data");
        this.roomChannel = new WaitChannel("pipe#" + id + ".room");
        long now = kernel.timeOfDayCycles();
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
    }

    PipeEnd readEnd() {
        return readEnd;
    }

    PipeEnd writeEnd() {
        return writeEnd;
    }

    /**
     * read(2): "If no process has the pipe open for writing, read() shall return 0 to indicate end-of-file.
     * If some process has the pipe open for writing and O_NONBLOCK is set, read() shall return -1 and set
     * errno to [EAGAIN]. If ... O_NONBLOCK is clear, read() shall block the calling thread until some data
     * is written or the pipe is closed by all processes that had the pipe open for writing."
     */
    int read(byte[] buf, int off, int len, boolean nonblocking) {
        if (len == 0) return 0;
        while (count == 0) {
            if (writers == 0) return 0;
            if (nonblocking) throw ErrnoException.of(EAGAIN);
            readerWaits = true;
            int error = kernel.sleep(dataChannel, true);
            if (error != 0) throw ErrnoException.of(error);
        }
        int n = Math.min(len, count);
        int first = Math.min(n, PIPE_MAX - head);
        System.arraycopy(ring, head, buf, off, first);
        System.arraycopy(ring, 0, buf, off + first, n - first);
        head = (head + n) % PIPE_MAX;
        count -= n;
        atime = kernel.timeOfDayCycles();
        if (writerWaits) {
            writerWaits = false;
            kernel.wakeup(roomChannel);
        }
        return n;
    }

    /**
     * write(2) on a pipe: no reader gives SIGPIPE and EPIPE; up to PIPE_BUF bytes go in at once or not at
     * all (blocking for room, or EAGAIN with O_NONBLOCK); a larger write goes in as room appears and, with
     * O_NONBLOCK, returns what fitted. A signal after some bytes went in returns their count, as write(2)
     * says: "If write() is interrupted by a signal after it successfully writes some data, it shall return
     * the number of bytes written."
     */
    int write(byte[] buf, int off, int len, boolean nonblocking) {
        if (len == 0) return 0;
        boolean atomic = len <= PIPE_BUF;
        int done = 0;
        while (done < len) {
            if (readers == 0) {
                kernel.signal(kernel.pid(), Signals.SIGPIPE);
                return partial(done, EPIPE);
            }
            int room = PIPE_MAX - count;
            int left = len - done;
            if (atomic ? room < left : room == 0) {
                if (nonblocking) return partial(done, EAGAIN);
                writerWaits = true;
                int error = kernel.sleep(roomChannel, true);
                if (error != 0) return partial(done, error);
                continue;
            }
            int n = Math.min(room, left);
            int tail = (head + count) % PIPE_MAX;
            int first = Math.min(n, PIPE_MAX - tail);
            System.arraycopy(buf, off + done, ring, tail, first);
            System.arraycopy(buf, off + done + first, ring, 0, n - first);
            count += n;
            done += n;
            mtime = ctime = kernel.timeOfDayCycles();
            if (readerWaits) {
                readerWaits = false;
                kernel.wakeup(dataChannel);
            }
        }
        return done;
    }

    /** A write that stopped: the bytes already in, or the failure when there are none. */
    private static int partial(int done, int errno) {
        if (done > 0) return done;
        throw ErrnoException.of(errno);
    }

    /** The last descriptor of one end was closed: wake the other side to see EOF or EPIPE. */
    void endClosed(boolean reading) {
        if (reading) {
            readers--;
            if (writerWaits) {
                writerWaits = false;
                kernel.wakeup(roomChannel);
            }
        } else {
            writers--;
            if (readerWaits) {
                readerWaits = false;
                kernel.wakeup(dataChannel);
            }
        }
        if (readers == 0 && writers == 0) owner.closed();
    }

    /** fstat(2): a FIFO owned by its creator; st_size is the bytes waiting to be read; no name links it. */
    Stat stat() {
        long hz = kernel.clockHz();
        return new Stat(PIPE_DEV, id, PIPE_MODE, 0, uid, gid, 0, count, atime / hz, mtime / hz, ctime / hz);
    }

    @Override
    public String toString() {
        return "pipe#" + id;
    }
}
