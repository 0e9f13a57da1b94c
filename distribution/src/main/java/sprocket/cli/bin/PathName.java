package sprocket.cli.bin;

/** What ls, rm and ln do with path names beyond the C library's basename: joining, and telling the dot entries. */
final class PathName {

    private PathName() {
    }

    /** {@code dir/name}, with no doubled slash after a directory given as "/" or "a/". */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Whether {@code name} is "." or "..", which rm and ls -a treat apart. */
    static boolean dots(String name) {
        return name.equals(".") || name.equals("..");
    }
}
