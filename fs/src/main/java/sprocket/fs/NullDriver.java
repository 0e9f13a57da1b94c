package sprocket.fs;

/** /dev/null, null(7): "Data written on the null special file is discarded. Reads from it always return end-of-file." */
final class NullDriver implements CharDriver {

    private static final int RDEV = CharDriver.makedev(1, 2);

    @Override
    public int read(byte[] buf, int off, int len) {
        return 0;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public int rdev() {
        return RDEV;
    }
}
