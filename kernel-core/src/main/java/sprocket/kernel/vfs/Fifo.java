package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FileOps;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.kernel.KernelServices;

/**
 * An open FIFO (SVR4 fifofs' fifonode): a name in a file system for a pipe the IPC module keeps. It counts its
 * readers and writers (fn_rcnt, fn_wcnt) and holds each end of its pipe while that side has openers, so the pipe's own
 * rules give end of file when the last writer goes and EPIPE when the last reader goes. A pipe end cannot be opened
 * again once closed, so a side that comes back while the other is still open gets a new pipe, which the bytes still
 * unread move into.
 */
final class Fifo {

    /** Bytes moved at a time from an old pipe to its successor. */
    private static final int MOVE_CHUNK = 512;

    private final KernelServices kernel;
    private final Ipc ipc;
    /** Open files reading and writing the FIFO (an O_RDWR open counts on both sides). */
    private int readers;
    private int writers;
    /**
     * Opens ever made on each side: a waiting opener returns once the other side has opened since it began waiting,
     * even if that partner closed again before it ran (Linux's wait_for_partner).
     */
    private long readerOpens;
    private long writerOpens;
    /** The live pipe's ends; null when there is no pipe or that end was let go. */
    private FileOps readEnd;
    private FileOps writeEnd;

    Fifo(KernelServices kernel, Ipc ipc) {
        this.kernel = kernel;
        this.ipc = ipc;
    }

    /**
     * open(2) of the FIFO once the permission checks passed: joins the side(s) the access mode names, wakes the other
     * side's sleepers, and without O_NONBLOCK/O_NDELAY sleeps until the other side has it open. On a failure the FIFO
     * is as before.
     */
    void open(int flags) {
        int access = flags & O_ACCMODE;
        boolean nonblocking = (flags & (O_NONBLOCK | O_NDELAY)) != 0;
        // open(2): "ENXIO O_NDELAY or O_NONBLOCK is set, the named file is a FIFO, O_WRONLY is set, and no process
        // has the file open for reading."
        if (access == O_WRONLY && nonblocking && readers == 0) throw ErrnoException.of(Errno.ENXIO);
        boolean reading = access != O_WRONLY;
        boolean writing = access != O_RDONLY;
        join(reading, writing);
        kernel.wakeup(this);
        // open(2): with O_NDELAY/O_NONBLOCK clear, "an open for reading-only will block until a process opens the file
        // for writing. An open for writing-only will block until a process opens the file for reading." SVR4 opens
        // O_RDWR at once: the opener is its own reader and writer.
        if (access == O_RDWR || nonblocking) return;
        long seen = reading ? writerOpens : readerOpens;
        while ((reading ? writers == 0 : readers == 0) && (reading ? writerOpens : readerOpens) == seen) {
            int r = kernel.sleep(this, true);
            if (r != 0) {
                leave(reading, writing);
                throw ErrnoException.of(r);
            }
        }
    }

    /** Counts a new reader and/or writer, first making a pipe if the side it joins has no end. */
    private void join(boolean reading, boolean writing) {
        if (reading && readEnd == null || writing && writeEnd == null) {
            PipeEnds p = ipc.pipe();
            FileOps oldRead = readEnd;
            FileOps oldWrite = writeEnd;
            readEnd = p.readEnd();
            writeEnd = p.writeEnd();
            // A writer comes back to readers of a pipe whose write end is gone: what they have not read yet goes first.
            if (oldRead != null) {
                moveUnread(oldRead, writeEnd);
                oldRead.close();
            }
            // A reader comes back to writers whose pipe lost its read end: they write into the new pipe from now on.
            if (oldWrite != null) oldWrite.close();
        }
        if (reading) {
            readers++;
            readerOpens++;
        }
        if (writing) {
            writers++;
            writerOpens++;
        }
    }

    /**
     * An open of the FIFO closed for the last time (or an open undone): the side(s) it was on lose one. A side left
     * with nobody lets its end go, so the pipe tells the other side (end of file, EPIPE); with both sides empty the
     * pipe goes and the next open makes a new one.
     */
    void leave(boolean reading, boolean writing) {
        if (reading) readers--;
        if (writing) writers--;
        if (readers < 0 || writers < 0) throw new IllegalStateException("FIFO closed more often than opened");
        if (readers == 0 && readEnd != null && (reading || writers == 0)) {
            FileOps end = readEnd;
            readEnd = null;
            end.close();
        }
        if (writers == 0 && writeEnd != null && (writing || readers == 0)) {
            FileOps end = writeEnd;
            writeEnd = null;
            end.close();
        }
    }

    /**
     * read(2) for a reader of the FIFO, through the pipe's read end. An end the FIFO holds for a writer that never
     * came is no writer: read(2) "If no process has the pipe open for writing, read() shall return 0".
     */
    int read(byte[] buf, int off, int len, boolean nonblocking) {
        boolean nobodyWrites = writers == 0;
        try {
            return readEnd.read(buf, off, len, nonblocking || nobodyWrites ? O_NONBLOCK : 0);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EAGAIN && nobodyWrites) return 0;
            throw e;
        }
    }

    /** write(2) for a writer of the FIFO, through the pipe's write end (which sends SIGPIPE and fails with EPIPE). */
    int write(byte[] buf, int off, int len, boolean nonblocking) {
        return writeEnd.write(buf, off, len, nonblocking ? O_NONBLOCK : 0);
    }

    /** Moves the bytes left in an old pipe (whose write end is gone, so reading never sleeps) into its successor. */
    private static void moveUnread(FileOps from, FileOps to) {
        byte[] chunk = new byte[MOVE_CHUNK];
        int n;
        while ((n = from.read(chunk, 0, chunk.length, O_NONBLOCK)) > 0) {
            try {
                if (to.write(chunk, 0, n, O_NONBLOCK) != n) break;
            } catch (ErrnoException e) {
                break;
            }
        }
    }

    /** st_size of a FIFO: the bytes waiting in its pipe, as SVR4 fifofs reports them. */
    long size() {
        FileOps end = readEnd != null ? readEnd : writeEnd;
        return end == null ? 0 : end.stat().size();
    }

    /** What a process sleeping on this waits for ({@code fifo open}): its wait channel's name in a deadlock report. */
    @Override
    public String toString() {
        return "fifo open";
    }
}
