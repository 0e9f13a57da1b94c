package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;

/**
 * Pathname expansion (XCU 2.13.3): each component of the pattern with a pattern character in it is matched against
 * the names getdents(2) gives for the directory so far; a leading period must be matched by a period in the pattern,
 * and a slash only by a slash. A directory that cannot be read contributes nothing, as in glob(3C).
 */
final class Glob {

    private Glob() {
    }

    /** The pathnames {@code pattern} matches, sorted; empty when none does. */
    static List<String> expand(Sys sys, String pattern) {
        String[] components = pattern.split("/", -1);
        List<String> paths = new ArrayList<>();
        paths.add(pattern.startsWith("/") ? "/" : "");
        boolean matched = false;
        boolean checkLast = false;
        boolean directoriesOnly = false;
        for (int i = pattern.startsWith("/") ? 1 : 0; i < components.length; i++) {
            String c = components[i];
            if (c.isEmpty()) {
                // "a//b" or a trailing slash: only directories can be followed by one.
                directoriesOnly = i == components.length - 1;
                if (!directoriesOnly) paths.replaceAll(p -> p + "/");
                continue;
            }
            if (!Pattern.hasMeta(c)) {
                String name = Pattern.unescape(c);
                paths.replaceAll(p -> join(p, name));
                checkLast = matched;
                continue;
            }
            matched = true;
            checkLast = false;
            List<String> next = new ArrayList<>();
            boolean dotOk = c.startsWith(".") || c.startsWith("\\.");
            for (String dir : paths) {
                List<String> names = Dir.scandir(sys, dir.isEmpty() ? "." : dir);
                if (names == null) continue;
                Collections.sort(names);
                for (String name : names) {
                    if (name.startsWith(".") && !dotOk) continue;
                    if (Pattern.matches(c, name)) next.add(join(dir, name));
                }
            }
            paths = next;
            if (paths.isEmpty()) return paths;
        }
        if (checkLast || directoriesOnly) {
            List<String> kept = new ArrayList<>();
            for (String p : paths) {
                Stat st = directoriesOnly ? sys.stat(p) : sys.lstat(p);
                if (st == null) continue;
                if (directoriesOnly && st.type() != FileMode.S_IFDIR) continue;
                kept.add(directoriesOnly ? p + "/" : p);
            }
            paths = kept;
        }
        Collections.sort(paths);
        return paths;
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
