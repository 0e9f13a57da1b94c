package sprocket.api.fs;

import sprocket.api.sys.Stat;

/**
 * The operations on an object behind an open file that is not a file of a file system (4.4BSD's fileops: fo_read,
 * fo_write, fo_stat, fo_close): a pipe's end, a socket. The kernel keeps the open-file entry (access mode, status
 * flags, offset, reference count) and checks the access mode; it passes the entry's status flags ({@code fflags},
 * O_NONBLOCK among them) to each call. Calls run on the caller's coroutine and may sleep unless O_NONBLOCK is set;
 * a failure throws {@link sprocket.api.ErrnoException}.
 */
public interface FileOps {

    /** read(2): bytes read, 0 at end of file (EAGAIN with O_NONBLOCK and nothing there, EINTR). */
    int read(byte[] buf, int off, int len, int fflags);

    /** write(2): bytes written (EPIPE, after sending SIGPIPE where Unix does; EAGAIN; EINTR). */
    int write(byte[] buf, int off, int len, int fflags);

    /** fstat(2). */
    Stat stat();

    /** The last reference to the open file is gone (closef's fo_close): the object is closed. */
    void close();

    /**
     * A reference to the open file went but not the last (a descriptor closed, a message carrying it discarded).
     * Nothing by default; AF_UNIX sockets look for sockets in flight that nobody can receive any more.
     */
    default void released() {
    }
}
