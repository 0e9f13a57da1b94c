package sprocket.libc;

/** libgen(3G)'s path names: basename and dirname, which work on the string alone and change nothing. */
public final class Libgen {

    private Libgen() {
    }

    /**
     * basename(3G): "returns a pointer to the last element of path": trailing slashes aside, the part after the last
     * slash; "/" for the root, "." for an empty path.
     */
    public static String basename(String path) {
        if (path == null || path.isEmpty()) return ".";
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        String p = path.substring(0, end);
        if (p.equals("/")) return p;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * dirname(3G): "returns a pointer to a string that is the parent directory of path": trailing slashes and the last
     * element aside; "." when there is no slash, "/" when only the root is left.
     */
    public static String dirname(String path) {
        if (path == null || path.isEmpty()) return ".";
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        int slash = path.lastIndexOf('/', end - 1);
        if (slash < 0) return ".";
        while (slash > 0 && path.charAt(slash - 1) == '/') slash--;
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
