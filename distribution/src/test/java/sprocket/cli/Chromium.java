package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests that look at a page as a person would: Debian's {@code chromium} ({@link
 * DebianPackage}: installed when it can be, or else absent and the test skips).
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium, installing it if it can; null when there is none (then {@link #whyNot} says why). */
    static Chromium find() {
        Path found = DebianPackage.find("chromium", NAMES, 900).path();
        return found == null ? null : new Chromium(found);
    }

    static String whyNot() {
        return "headless Chromium is not installed (Debian's package chromium) and could not be installed here: "
                + DebianPackage.find("chromium", NAMES, 900).why();
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
