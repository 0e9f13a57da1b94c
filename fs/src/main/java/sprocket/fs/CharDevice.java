package sprocket.fs;

import sprocket.api.sys.FileMode;

/** A character special file: a name for a driver; reads and writes go to the driver, the offset means nothing to it. */
final class CharDevice extends MemNode {

    private final CharDriver driver;

    CharDevice(Vfs vfs, long ino, int perm, int uid, int gid, long now, CharDriver driver) {
        super(vfs, ino, FileMode.S_IFCHR | perm, uid, gid, now);
        this.driver = driver;
    }

    @Override
    long size() {
        return 0;
    }

    @Override
    int rdev() {
        return driver.rdev();
    }

    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        return driver.read(buf, off, len);
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        return driver.write(buf, off, len);
    }

    @Override
    boolean seekable() {
        return !driver.terminal();
    }
}
