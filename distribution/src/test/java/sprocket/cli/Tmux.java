package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tmux, for tests that type at a program on a real pseudo-terminal as a person would and read the screen: Debian's
 * {@code tmux}, installed with apt-get when it is missing and this is root on a machine with apt (as CI is), or else
 * absent and the test skips.
 */
final class Tmux {
    private static boolean tried;
    private static Path found;
    private static String why = "";

    private final Path binary;
    private final String session;

    private Tmux(Path binary, String session) {
        this.binary = binary;
        this.session = session;
    }

    /** tmux, installing it if it can; null when there is none (then {@link #whyNot} says why). */
    static synchronized Path find() {
        if (!tried) {
            tried = true;
            found = onPath();
            if (found == null) install();
            found = found == null ? onPath() : found;
        }
        return found;
    }

    static synchronized String whyNot() {
        return "tmux is not installed (Debian's package tmux) and could not be installed here: " + why;
    }

    private static Path onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "tmux");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static void install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            why = "no apt-get";
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "not root, so apt-get install tmux is not possible";
            return;
        }
        try {
            if (run(List.of("apt-get", "update", "-qq"), 300) != 0) {
                why = "apt-get update failed";
                return;
            }
            if (run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "tmux"), 600) != 0) {
                why = "apt-get install tmux failed";
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

    /** A new detached session of its own server, {@code width} by {@code height}, running {@code command}. */
    static Tmux start(Path binary, String name, int width, int height, List<String> command)
            throws IOException, InterruptedException {
        Tmux t = new Tmux(binary, name);
        List<String> cmd = new ArrayList<>(t.base());
        cmd.addAll(List.of("new-session", "-d", "-s", name, "-x", Integer.toString(width), "-y",
                Integer.toString(height)));
        cmd.add(String.join(" ", command.stream().map(Tmux::quote).toList()));
        t.tmux(cmd);
        return t;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Its own server socket, so a test never touches a person's tmux. */
    private List<String> base() {
        return List.of(binary.toString(), "-L", "sprocket-test-" + session, "-f", "/dev/null");
    }

    private String tmux(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux did not answer: " + cmd);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** send-keys: each argument a key or a string of keys, in tmux's names (Enter, C-c, BSpace). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(base());
        cmd.addAll(List.of("send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        tmux(cmd);
    }

    /** capture-pane: the screen's text now. */
    String screen() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(base());
        cmd.addAll(List.of("capture-pane", "-p", "-t", session));
        return tmux(cmd);
    }

    /** Waits up to {@code seconds} for the screen to contain {@code text}; returns the screen then. */
    String await(String text, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String s = screen();
        while (!s.contains(text) && System.nanoTime() < end) {
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    void kill() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(base());
        cmd.add("kill-server");
        tmux(cmd);
    }
}
