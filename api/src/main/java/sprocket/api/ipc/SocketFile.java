package sprocket.api.ipc;

import java.util.List;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.SockAddr;

/**
 * A socket as an entry of the system open file table: read(2), write(2), close, dup and fork work on it as on any
 * open file, and the kernel's socket calls reach the operations below once they found it behind a descriptor
 * (anything else there is ENOTSOCK). Every method runs inside the system call, on the caller's coroutine, may sleep
 * unless the socket or the call is nonblocking, and returns a count or 0, or a negative errno.
 */
public interface SocketFile extends OpenFile {

    /** The address family, AF_UNIX or AF_INET. */
    int domain();

    /** SOCK_STREAM or SOCK_DGRAM. */
    int type();

    /** bind(2); {@code at} resolves an AF_UNIX path (the socket node is made there) as the caller would. */
    int bind(Lookup at, SockAddr name);

    /** listen(2). */
    int listen(int backlog);

    /**
     * accept(2): the next connection as a new socket held once (the kernel installs it), or null with the errno in
     * {@code errno[0]}; its peer's address into {@code from[0]} when {@code from} is not null.
     */
    SocketFile accept(SockAddr[] from, int[] errno);

    /** connect(2); {@code at} resolves an AF_UNIX path. */
    int connect(Lookup at, SockAddr name);

    /**
     * sendto(2)/sendmsg(2): bytes sent or a negative errno. {@code rights} (null: none) are open files the kernel
     * held once each for the message: when the call succeeds they belong to the message, which releases them if it
     * is discarded unread; when it fails they are still the caller's to release.
     */
    int send(byte[] buf, int off, int len, int flags, Lookup at, SockAddr to, List<OpenFile> rights);

    /**
     * recvfrom(2)/recvmsg(2): bytes received or a negative errno. The sender's address goes to {@code from[0]} when
     * {@code from} is not null; open files passed with the data are added to {@code rights}, each held once for the
     * caller, or released here when {@code rights} is null; {@code msgFlags[0]}, when given, gets MSG_TRUNC.
     */
    int receive(byte[] buf, int off, int len, int flags, SockAddr[] from, List<OpenFile> rights, int[] msgFlags);

    /** shutdown(2). */
    int shutdown(int how);

    /** getsockname(2): never null (an unbound socket has its family's empty address). */
    SockAddr sockname();

    /** getpeername(2): the connected peer's address, or null when not connected. */
    SockAddr peername();
}
