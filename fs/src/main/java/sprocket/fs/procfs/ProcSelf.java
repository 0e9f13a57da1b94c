package sprocket.fs.procfs;

import sprocket.api.sys.FileMode;

/** /proc/self: a symbolic link whose text is the caller's pid, so each process resolves it to its own directory. */
final class ProcSelf extends ProcNode {

    private static final int PERM = 0777;

    ProcSelf(ProcFs fs) {
        super(fs, ProcFs.SELF_INO, FileMode.S_IFLNK | PERM);
    }

    @Override
    public long size() {
        return readlink().length();
    }

    @Override
    public String readlink() {
        return Integer.toString(fs.kernel().pid());
    }
}
