package sprocket.api.ipc;

/**
 * The kernel's name space as the socket layer reaches it for AF_UNIX addresses, as 4.3BSD's unp_bind and unp_connect
 * call namei: a path resolves for the calling process (its current and root directories, credentials and umask), and
 * a bound name is a socket node (S_IFSOCK) that says which socket it names, as a vnode's v_socket does. The node
 * outlives the socket until it is unlinked. Failures throw {@link sprocket.api.ErrnoException}.
 */
public interface SocketNames {

    /**
     * bind(2): makes a socket node at {@code path}, its permission bits {@code mode} less the caller's umask, naming
     * {@code socket}. EEXIST when the name exists (a dangling symbolic link included), and creat's errors: ENOENT,
     * ENOTDIR, EACCES, EROFS, ENAMETOOLONG, ELOOP.
     */
    void bind(String path, int mode, SocketFile socket);

    /**
     * connect(2) and sendto(2): the socket bound at {@code path}. ECONNREFUSED when the file there is no socket node
     * or its socket is closed; EACCES without write permission on it (unix(7)); the lookup's errors.
     */
    SocketFile find(String path);

    /** {@code socket} closed: the node it was bound to, if any, names no socket any more. */
    void unbind(SocketFile socket);
}
