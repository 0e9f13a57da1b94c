package sprocket.kernel.vfs;

/**
 * What namei found for one path: the vnode it names, and for calls that make or remove a name, the directory holding
 * the last component and that component.
 */
final class Nameidata {

    /** The vnode the path names, or null if only its last component is missing (parent mode). */
    Vnode vp;
    /** In parent mode, the directory holding the last component, of whichever file system; null for "/". */
    Vnode dvp;
    /** The path as resolved: the caller's, or the text a symbolic link spliced in in its place. */
    String path;
    /** The last component is {@code path.substring(nameFrom, nameTo)}. */
    int nameFrom;
    int nameTo;
    /** The path ends in '/': what it names must be a directory. */
    boolean trailingSlash;
    /** Components searched, for the cost. */
    int components;

    /**
     * Whether the last component lies in a directory whose names its file system makes (a process file system): no
     * call may add a name there or remove one. Solaris prcreate: "One can't O_CREAT nonexistent files in /proc".
     */
    boolean fixedNames() {
        return dvp != null && dvp.inode.readOnly();
    }

    /** Whether the path names something: an existing file, or "/" itself (which has no last component). */
    boolean exists() {
        return vp != null || dvp == null;
    }

    /** Whether the last component is the root of a file system mounted on a directory of {@link #dvp}'s. */
    boolean mountPoint() {
        return vp != null && dvp != null && vp.mount != dvp.mount;
    }

    /** The last component as a string. */
    String name() {
        return path.substring(nameFrom, nameTo);
    }

    /** Whether the last component is exactly {@code dots} ("." or ".."). */
    boolean lastIs(String dots) {
        return path.startsWith(dots, nameFrom) && nameTo - nameFrom == dots.length();
    }

    /** Whether the last component is "." or "..", which rename(2) refuses (EINVAL). */
    boolean lastIsDot() {
        return lastIs(".") || lastIs("..");
    }
}
