package sprocket.fs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.PipeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * A FIFO special file (mkfifo(3C)): a name in the file system for a pipe the IPC module keeps. The FIFO counts
 * its readers and writers (SVR4 fifofs' fn_rcnt, fn_wcnt) and holds each end of its pipe once while that side
 * has openers, so the pipe's own rules give end of file when the last writer goes and EPIPE when the last reader
 * goes. A pipe end cannot be opened again once closed, so a side that comes back while the other is still open
 * gets a new pipe, which the bytes still unread move into.
 */
final class Fifo extends MemNode {

    /** mkfifo(3C) takes only the permission bits from its mode. */
    private static final int PERM = 0777;
    /** Bytes moved at a time from an old pipe to its successor. */
    private static final int MOVE_CHUNK = 512;

    private final MemFs fs;
    /** Open file table entries reading and writing the FIFO (an O_RDWR open counts on both sides). */
    private int readers;
    private int writers;
    /** Opens ever made on each side: a waiting opener returns once the other side has opened since it began
     * waiting, even if that partner closed again before it ran (Linux's wait_for_partner). */
    private long readerOpens;
    private long writerOpens;
    /** The live pipe's ends, each held once by the FIFO; null when there is no pipe or that end was let go. */
    private OpenFile readEnd;
    private OpenFile writeEnd;

    Fifo(MemFs fs, Vfs vfs, long ino, int perm, int uid, int gid, long now) {
        super(vfs, ino, FileMode.S_IFIFO | perm, uid, gid, now);
        this.fs = fs;
    }

    /**
     * mkfifo(3C): a FIFO owned by the effective user, its permission bits from {@code mode} less the umask; the
     * name-space errors are creat's ("EEXIST The named file exists", ENOENT, ENOTDIR, EACCES, ENAMETOOLONG).
     */
    static int make(MemFs fs, Lookup at, String path, int mode) {
        Nameidata nd = new Nameidata();
        int err = Namei.resolve(at, path, fs.rootDirectory(), nd, true, false);
        long cost = nd.components * Costs.COMPONENT;
        if (err == 0 && nd.exists()) err = Errno.EEXIST;
        // A name ending in '/' must name a directory, which a FIFO is not.
        if (err == 0 && nd.trailingSlash) err = Errno.ENOTDIR;
        Credentials c = at.credentials();
        if (err == 0) err = MemFs.mayEnter(nd, c);
        if (err == 0) {
            long now = fs.seconds();
            var fifo = new Fifo(fs, nd.parent.vfs, nd.parent.vfs.newIno(), mode & PERM & ~c.umask(), c.euid(), MemFs.groupFor(nd.parent, c), now);
            MemFs.enter(nd.parent, nd.name(), fifo, now);
            cost += Costs.NODE;
        }
        fs.kernel().charge(cost);
        return err;
    }

    /**
     * open(2) of the FIFO once the permission checks passed: joins the side(s) the access mode names, wakes the
     * other side's sleepers, and without O_NONBLOCK/O_NDELAY sleeps until the other side has it open. 0 or an errno;
     * on an errno the FIFO is as before.
     */
    int open(int flags) {
        int access = flags & O_ACCMODE;
        boolean nonblocking = (flags & (O_NONBLOCK | O_NDELAY)) != 0;
        // open(2): "ENXIO O_NDELAY or O_NONBLOCK is set, the named file is a FIFO, O_WRONLY is set, and no process
        // has the file open for reading."
        if (access == O_WRONLY && nonblocking && readers == 0) return Errno.ENXIO;
        boolean reading = access != O_WRONLY;
        boolean writing = access != O_RDONLY;
        int err = join(reading, writing);
        if (err != 0) return err;
        fs.kernel().wakeup(this);
        // open(2): with O_NDELAY/O_NONBLOCK clear, "an open for reading-only will block until a process opens the file
        // for writing. An open for writing-only will block until a process opens the file for reading." SVR4 opens
        // O_RDWR at once: the opener is its own reader and writer.
        if (access == O_RDWR || nonblocking) return 0;
        long seen = reading ? writerOpens : readerOpens;
        while ((reading ? writers == 0 : readers == 0) && (reading ? writerOpens : readerOpens) == seen) {
            int r = fs.kernel().sleep(this, true);
            if (r != 0) {
                leave(reading, writing);
                return r;
            }
        }
        return 0;
    }

    /** Counts a new reader and/or writer, first making a pipe if the side it joins has no end: 0 or an errno. */
    private int join(boolean reading, boolean writing) {
        if (reading && readEnd == null || writing && writeEnd == null) {
            PipeResult p = fs.newPipe();
            if (p.errno() != 0) return p.errno();
            OpenFile oldRead = readEnd;
            OpenFile oldWrite = writeEnd;
            readEnd = p.readEnd();
            writeEnd = p.writeEnd();
            // A writer comes back to readers of a pipe whose write end is gone: what they have not read yet goes first.
            if (oldRead != null) {
                moveUnread(oldRead, writeEnd);
                oldRead.release();
            }
            // A reader comes back to writers whose pipe lost its read end: they write into the new pipe from now on.
            if (oldWrite != null) oldWrite.release();
        }
        if (reading) {
            readers++;
            readerOpens++;
        }
        if (writing) {
            writers++;
            writerOpens++;
        }
        return 0;
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
            OpenFile end = readEnd;
            readEnd = null;
            end.release();
        }
        if (writers == 0 && writeEnd != null && (writing || readers == 0)) {
            OpenFile end = writeEnd;
            writeEnd = null;
            end.release();
        }
    }

    /**
     * read(2) for a reader of the FIFO, through the pipe's read end. An end the FIFO holds for a writer that never
     * came is no writer: read(2) "If no process has the pipe open for writing, read() shall return 0".
     */
    int read(byte[] buf, int off, int len, boolean nonblocking) {
        OpenFile end = readEnd;
        boolean nobodyWrites = writers == 0;
        int n = call(end, nonblocking || nobodyWrites, true, buf, off, len);
        return n == -Errno.EAGAIN && nobodyWrites ? 0 : n;
    }

    /** write(2) for a writer of the FIFO, through the pipe's write end (which sends SIGPIPE and fails with EPIPE). */
    int write(byte[] buf, int off, int len, boolean nonblocking) {
        return call(writeEnd, nonblocking, false, buf, off, len);
    }

    /**
     * One read or write on a pipe end shared by every opener of that side. The end's own O_NONBLOCK is set only for
     * the length of a non-blocking call, which never sleeps, so a blocking caller asleep in the pipe keeps its rule.
     */
    private static int call(OpenFile end, boolean nonblocking, boolean read, byte[] buf, int off, int len) {
        if (!nonblocking) return read ? end.read(buf, off, len) : end.write(buf, off, len);
        end.setFlags(O_NONBLOCK);
        try {
            return read ? end.read(buf, off, len) : end.write(buf, off, len);
        } finally {
            end.setFlags(0);
        }
    }

    /** Moves the bytes left in an old pipe (whose write end is gone, so reading never sleeps) into its successor. */
    private static void moveUnread(OpenFile from, OpenFile to) {
        byte[] chunk = new byte[MOVE_CHUNK];
        to.setFlags(O_NONBLOCK);
        try {
            int n;
            while ((n = from.read(chunk, 0, chunk.length)) > 0) {
                if (to.write(chunk, 0, n) != n) break;
            }
        } finally {
            to.setFlags(0);
        }
    }

    /** st_size of a FIFO: the bytes waiting in its pipe, as SVR4 fifofs reports them. */
    @Override
    long size() {
        OpenFile end = readEnd != null ? readEnd : writeEnd;
        return end == null ? 0 : end.stat().size();
    }

    /** A FIFO is read and written through its {@link FifoEnd}s, never at an offset through a file table entry. */
    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.ESPIPE;
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.ESPIPE;
    }

    @Override
    boolean seekable() {
        return false;
    }
}
