package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests that look at a page as a person would: Debian's {@code chromium}, installed with
 * apt-get when it is missing and this is root on a machine with apt (as CI is), or else absent and the test skips.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static boolean tried;
    private static Path found;
    private static String why = "";

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium, installing it if it can; null when there is none (then {@link #whyNot} says why). */
    static synchronized Chromium find() {
        if (!tried) {
            tried = true;
            found = onPath();
            if (found == null) install();
            found = found == null ? onPath() : found;
        }
        return found == null ? null : new Chromium(found);
    }

    static synchronized String whyNot() {
        return "headless Chromium is not installed (Debian's package chromium) and could not be installed here: " + why;
    }

    private static Path onPath() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            for (String name : NAMES) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    private static void install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            why = "no apt-get";
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "not root, so apt-get install chromium is not possible";
            return;
        }
        try {
            if (run(List.of("apt-get", "update", "-qq"), 300) != 0) {
                why = "apt-get update failed";
                return;
            }
            if (run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"), 900) != 0) {
                why = "apt-get install chromium failed";
            }
        } catch (IOException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
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

    /** The page's DOM after Chromium rendered {@code page}. */
    String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        Path out = profile.resolveSibling(profile.getFileName() + ".dom");
        List<String> cmd = command(profile);
        cmd.addAll(List.of("--dump-dom", page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium --dump-dom took more than two minutes");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A screenshot of {@code page} in a window {@code width} by {@code height}, as PNG at {@code png}. */
    void screenshot(Path page, Path profile, Path png, int width, int height) throws IOException, InterruptedException {
        List<String> cmd = command(profile);
        cmd.addAll(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium --screenshot took more than two minutes");
        }
        if (!Files.exists(png)) throw new IOException("chromium exited " + p.exitValue() + " without a screenshot");
    }

    /** Headless, with no network at all, an empty profile of its own and nothing in the background. */
    private List<String> command(Path profile) {
        return new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--proxy-server=127.0.0.1:9", "--user-data-dir=" + profile.toAbsolutePath()));
    }
}
