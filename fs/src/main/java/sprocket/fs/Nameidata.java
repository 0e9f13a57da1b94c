package sprocket.fs;

/** What namei found for one path: the node, and for calls that change a directory, the parent and last name. */
final class Nameidata {

    /** The node the path names, or null if only its last component is missing (parent mode). */
    MemNode node;
    /**
     * In parent mode, the directory holding the last component; null when the path has none ("/"), or when that
     * directory's file system makes its own names (procfs: then {@link #dir} is set and {@link #fixedNames()}).
     */
    Directory parent;
    /** In parent mode, the directory holding the last component, of whichever file system; null for "/". */
    MemNode dir;
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
     * Whether the last component lies in a directory no call may add a name to or remove one from (procfs). Solaris
     * prcreate: "One can't O_CREAT nonexistent files in /proc" (EACCES).
     */
    boolean fixedNames() {
        return parent == null && dir != null;
    }

    /** Whether the path names something: an existing node, or "/" itself (which has no last component). */
    boolean exists() {
        return node != null || dir == null;
    }

    /** Whether the last component is the root of a file system mounted on a directory of {@link #dir}'s. */
    boolean mountPoint() {
        return node != null && dir != null && node.dev != dir.dev;
    }

    /** The last component as a string (allocates; only calls that create or remove an entry need it). */
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
