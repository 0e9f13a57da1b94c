package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.VnodeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * The name an AF_UNIX socket is bound to (bind(2)): a node of type S_IFSOCK that only says "a socket was bound
 * here". The socket itself lives in the IPC module, which finds it by this node; the name outlives the socket
 * until it is unlinked, and a socket node is never opened (POSIX open(2): "EOPNOTSUPP The path argument names a
 * socket").
 */
final class SocketNode extends MemNode {

    private static final int PERM = 0777;

    SocketNode(Vfs vfs, long ino, int perm, int uid, int gid, long now) {
        super(vfs, ino, FileMode.S_IFSOCK | perm, uid, gid, now);
    }

    /**
     * Makes the node for bind(2): owned by the effective user, its permission bits {@code mode} less the umask; the
     * name-space errors are creat's, and an existing name is EEXIST (the socket layer calls that EADDRINUSE).
     */
    static VnodeResult make(MemFs fs, Lookup at, String path, int mode) {
        Nameidata nd = new Nameidata();
        int err = Namei.resolve(at, path, fs.rootDirectory(), nd, true, false);
        long cost = nd.components * Costs.COMPONENT;
        if (err == 0 && (nd.node != null || nd.parent == null)) err = Errno.EEXIST;
        if (err == 0 && nd.trailingSlash) err = Errno.ENOTDIR;
        Credentials c = at.credentials();
        if (err == 0) err = MemFs.mayEnter(nd, c);
        SocketNode node = null;
        if (err == 0) {
            long now = fs.seconds();
            node = new SocketNode(nd.parent.vfs, nd.parent.vfs.newIno(), mode & PERM & ~c.umask(), c.euid(), MemFs.groupFor(nd.parent, c), now);
            MemFs.enter(nd.parent, nd.name(), node, now);
            cost += Costs.NODE;
        }
        fs.kernel().charge(cost);
        return err == 0 ? VnodeResult.of(node) : VnodeResult.error(err);
    }

    @Override
    long size() {
        return 0;
    }

    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EOPNOTSUPP;
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EOPNOTSUPP;
    }
}
