package sprocket.cli.bin;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/** opendir(3C), readdir(3C) and closedir(3C) over getdents(2), reduced to what ls and rm need: the names. */
public final class Dir {

    /** How many entries one getdents(2) asks for, as readdir's buffer would hold. */
    private static final int ENTRIES = 64;

    private Dir() {
    }

    /**
     * The names in directory {@code path}, in the order getdents(2) gives them, "." and ".." included when the file
     * system lists them; null with errno set if the directory cannot be opened or read.
     */
    public static List<String> names(Sys sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        if (fd == -1) return null;
        List<String> names = new ArrayList<>();
        Dirent[] buf = new Dirent[ENTRIES];
        int n;
        while ((n = sys.getdents(fd, buf)) > 0) {
            for (int i = 0; i < n; i++) names.add(buf[i].name());
        }
        int e = sys.errno();
        sys.close(fd);
        if (n == -1) {
            // close(2) succeeding leaves errno alone, but keep getdents's reason even if it did not.
            sys.errno(e);
            return null;
        }
        return names;
    }

    /** {@code dir/name}, with no doubled slash after a directory given as "/" or "a/". */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Whether {@code name} is "." or "..", which rm and ls -a treat apart. */
    static boolean dots(String name) {
        return name.equals(".") || name.equals("..");
    }

    /** basename(1) of {@code path}: the last component, trailing slashes aside ("/" for the root). */
    static String basename(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        String p = path.substring(0, end);
        if (p.equals("/")) return p;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
