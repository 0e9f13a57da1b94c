package sprocket.cli.sh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host's POSIX shell, /usr/bin/dash, run on a conformance case as the simulated shell runs it: {@code sh -c
 * script} in an empty directory, standard error merged into standard output, the C locale.
 */
final class Dash {
    static final Path DASH = Path.of("/usr/bin/dash");

    private Dash() {
    }

    static boolean present() {
        return Files.isExecutable(DASH);
    }

    static Machine.Run script(String script, String stdin) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sprocket-sh-");
            ProcessBuilder pb = new ProcessBuilder(DASH.toString(), "-c", script, "sh").directory(dir.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("HOME", "/");
            env.put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("dash did not finish: " + script);
            }
            return new Machine.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
