package sprocket.api.ipc;

import java.util.List;
import sprocket.api.fs.FileOps;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.SockAddr;

/**
 * A socket, the object behind an open file: read(2), write(2), close, dup and fork work on it as on any open file, and
 * the kernel's socket calls reach the operations below once they found it behind a descriptor (anything else there is
 * ENOTSOCK). Every method runs inside the system call, on the caller's coroutine, and may sleep unless the call is
 * nonblocking: O_NONBLOCK in the open file's flags ({@code fflags}) or, for send and receive, MSG_DONTWAIT, which
 * the kernel adds when the open file has O_NONBLOCK. Failures throw {@link sprocket.api.ErrnoException}.
 */
public interface SocketFile extends FileOps {

    /** The address family, AF_UNIX or AF_INET. */
    int domain();

    /** SOCK_STREAM or SOCK_DGRAM. */
    int type();

    /** bind(2); an AF_UNIX path is made in the kernel's name space for the caller. */
    void bind(SockAddr name);

    /** listen(2). */
    void listen(int backlog);

    /** accept(2): the next connection as a new socket; its peer's address into {@code from[0]} when given. */
    SocketFile accept(SockAddr[] from, int fflags);

    /** connect(2); an AF_UNIX path is looked up for the caller. */
    void connect(SockAddr name, int fflags);

    /**
     * sendto(2)/sendmsg(2): bytes sent. {@code rights} (null: none) are open files the kernel held once each for the
     * message: when the call succeeds they belong to the message, which releases them if it is discarded unread; when
     * it fails they are still the caller's to release.
     */
    int send(byte[] buf, int off, int len, int flags, SockAddr to, List<OpenFile> rights);

    /**
     * recvfrom(2)/recvmsg(2): bytes received. The sender's address goes to {@code from[0]} when {@code from} is not
     * null; open files passed with the data are added to {@code rights}, each held once for the caller, or released
     * here when {@code rights} is null; {@code msgFlags[0]}, when given, gets MSG_TRUNC.
     */
    int receive(byte[] buf, int off, int len, int flags, SockAddr[] from, List<OpenFile> rights, int[] msgFlags);

    /** shutdown(2). */
    void shutdown(int how);

    /** getsockname(2): never null (an unbound socket has its family's empty address). */
    SockAddr sockname();

    /** getpeername(2): the connected peer's address, or null when not connected. */
    SockAddr peername();
}
