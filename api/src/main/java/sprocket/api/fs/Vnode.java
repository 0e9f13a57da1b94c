package sprocket.api.fs;

/** A file, directory or device in the name space; what a process's current and root directory are. */
public interface Vnode {

    /** The i-number, unique within its file system. */
    long ino();

    /** Type and permission bits, as {@code st_mode}. */
    int mode();
}
