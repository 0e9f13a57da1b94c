package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tmux, for tests that type at a program on a real pseudo-terminal as a person would and read the screen: Debian's
 * {@code tmux} ({@link DebianPackage}: installed when it can be, or else absent and the test skips).
 */
final class Tmux {
    private final Path binary;
    private final String session;

    private Tmux(Path binary, String session) {
        this.binary = binary;
        this.session = session;
    }

    /** tmux, installing it if it can; null when there is none (then {@link #whyNot} says why). */
    static Path find() {
        return DebianPackage.find("tmux", List.of("tmux"), 600).path();
    }

    static String whyNot() {
        return "tmux is not installed (Debian's package tmux) and could not be installed here: "
                + DebianPackage.find("tmux", List.of("tmux"), 600).why();
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
