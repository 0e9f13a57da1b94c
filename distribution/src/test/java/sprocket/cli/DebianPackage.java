package sprocket.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A host program a test needs from a Debian package (tmux, chromium): found on the PATH, or installed with apt-get
 * when it is missing and this is root on a machine with apt (as CI is), once per test run; else absent, with the
 * reason, so that the test skips saying why.
 */
final class DebianPackage {
    private static final Map<String, DebianPackage> TRIED = new HashMap<>();

    private final Path found;
    private final String why;

    private DebianPackage(Path found, String why) {
        this.found = found;
        this.why = why;
    }

    /** The first of {@code names} on the PATH, after installing {@code pkg} if none is there and it can. */
    static synchronized DebianPackage find(String pkg, List<String> names, int installSeconds) {
        return TRIED.computeIfAbsent(pkg, k -> {
            Path p = onPath(names);
            String why = "";
            if (p == null) {
                why = install(pkg, installSeconds);
                p = onPath(names);
            }
            return new DebianPackage(p, why);
        });
    }

    /** The program, or null when there is none (then {@link #why} says why). */
    Path path() {
        return found;
    }

    /** Why the package could not be installed. */
    String why() {
        return why;
    }

    private static Path onPath(List<String> names) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    /** apt-get install {@code pkg}; the reason it failed, or "". */
    private static String install(String pkg, int seconds) {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) return "no apt-get";
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not root, so apt-get install " + pkg + " is not possible";
        }
        try {
            if (run(List.of("apt-get", "update", "-qq"), 300) != 0) return "apt-get update failed";
            if (run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", pkg), seconds) != 0) {
                return "apt-get install " + pkg + " failed";
            }
            return "";
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int run(List<String> command, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
