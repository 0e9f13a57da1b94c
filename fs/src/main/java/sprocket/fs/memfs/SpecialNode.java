package sprocket.fs.memfs;

/**
 * A FIFO, socket or character special file: a plain node that only says what is there. The kernel gives it its
 * meaning: the FIFO's pipe, the socket bound to the name, the device the number names.
 */
final class SpecialNode extends MemNode {

    private final int rdev;

    SpecialNode(MemFs fs, long ino, int mode, int uid, int gid, int rdev) {
        super(fs, ino, mode, uid, gid);
        this.rdev = rdev;
    }

    @Override
    int rdev() {
        return rdev;
    }

    /** A special file holds no bytes of its own (a FIFO's waiting bytes are the kernel's to report). */
    @Override
    public long size() {
        return 0;
    }
}
