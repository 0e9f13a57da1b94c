package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * chmod(2) and chown(2): the attribute changes (SVR4 VOP_SETATTR) of the node a path names, following a final
 * symbolic link (a link's own mode and owner never matter). Both mark st_ctime.
 */
final class SetAttr {

    /** SVR4 sys/param.h: the largest user or group id; chown(2) beyond it is "out of range" (EINVAL). */
    static final int MAXUID = 60002;
    /** chown(2): an id of -1 leaves that id unchanged. */
    private static final int KEEP = -1;

    private SetAttr() {
    }

    /** chmod(2): the owner or root sets the 07777 bits; the file type stays. */
    static int chmod(MemFs fs, Lookup at, String path, int mode) {
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, path, fs.rootDirectory(), nd, true);
        fs.kernel().charge(nd.components * Costs.COMPONENT);
        if (err != 0) return err;
        MemNode node = nd.node;
        // chmod(2): "EROFS The named file resides on a read-only file system."
        if (node.vfs.readOnly()) return Errno.EROFS;
        // Linux proc_setattr: "if (attr->ia_valid & ATTR_MODE) return -EPERM"; the kernel owns /proc's modes.
        if (node.readOnly()) return Errno.EPERM;
        Credentials c = at.credentials();
        // chmod(2): "EPERM The effective user ID does not match the owner of the file and is not super-user."
        if (!c.root() && c.euid() != node.uid) return Errno.EPERM;
        int perm = mode & MemFs.PERM_BITS;
        if (!c.root()) {
            // chmod(2): "If the effective user ID of the process is not super-user and the file is not a directory,
            // mode bit 01000 (save text image on execution) is cleared."
            if (!(node instanceof Directory)) perm &= ~FileMode.S_ISVTX;
            // chmod(2): "If the effective user ID of the process is not super-user and the effective group ID of the
            // process does not match the group ID of the file, mode bit 02000 (set group ID on execution) is cleared."
            if (c.egid() != node.gid) perm &= ~FileMode.S_ISGID;
        }
        node.mode = node.type() | perm;
        node.ctime = fs.seconds();
        return 0;
    }

    /** chown(2): root only here; -1 keeps an id, and root's change leaves set-user-ID and set-group-ID alone. */
    static int chown(MemFs fs, Lookup at, String path, int uid, int gid) {
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, path, fs.rootDirectory(), nd, true);
        fs.kernel().charge(nd.components * Costs.COMPONENT);
        if (err != 0) return err;
        // chown(2): "EROFS The named file resides on a read-only file system."
        if (nd.node.vfs.readOnly()) return Errno.EROFS;
        // chown(2): "EINVAL owner or group is out of range."
        if (uid < KEEP || uid > MAXUID || gid < KEEP || gid > MAXUID) return Errno.EINVAL;
        // chown(2) under {_POSIX_CHOWN_RESTRICTED}: only the super-user changes an owner or a group here.
        if (!at.credentials().root()) return Errno.EPERM;
        MemNode node = nd.node;
        // /proc's owners are the processes' own ids, which only setuid(2) changes.
        if (node.readOnly()) return Errno.EPERM;
        if (uid != KEEP) node.uid = uid;
        if (gid != KEEP) node.gid = gid;
        node.ctime = fs.seconds();
        return 0;
    }
}
