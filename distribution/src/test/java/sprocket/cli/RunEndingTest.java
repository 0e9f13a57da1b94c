package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sprocket run` when the program does not end: a deadlock is reported on standard error with each process and its
 * wait channel and the command exits 3; ^C (SIGINT to the JVM) stops the run cleanly, the summary printed and
 * --stats-json and --trace written, marked as interrupted, and the command exits 130.
 */
class RunEndingTest {

    @Test
    void a_deadlocked_run_reports_each_process_and_its_wait_channel_and_exits_3() {
        // cat opens a FIFO nobody will ever open for writing; the shell waits for cat, init for the shell.
        Invocation r = Invocation.sprocket("run", RunCommandTest.IRIX, "sh", "-c",
                "mkfifo /tmp/f; cat /tmp/f; echo never");
        assertThat(r.status()).as(r.err()).isEqualTo(RunCommand.DEADLOCK);
        assertThat(r.err()).contains("sprocket: deadlock: every process is asleep and nothing is pending (at cycle ");
        List<String> rows = r.err().lines().filter(l -> l.matches("\\s+\\d+\\s+\\w+\\s+.*")).toList();
        assertThat(rows).anySatisfy(l -> assertThat(l).matches("\\s+1\\s+sleeping\\s+wait\\s+init"))
                .anySatisfy(l -> assertThat(l).matches("\\s+\\d+\\s+sleeping\\s+wait\\s+sh"))
                .anySatisfy(l -> assertThat(l).matches("\\s+\\d+\\s+sleeping\\s+fifo open\\s+cat"));
        // The summary follows, and says how the run ended.
        assertThat(r.err()).contains("simulated time").contains("deadlock");
    }

    @Test
    void sigint_stops_a_long_run_and_the_summary_stats_json_and_trace_are_written_marked_as_interrupted(
            @TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("stats.json");
        Path trace = tmp.resolve("trace.json");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String modulePath = System.getProperty("jdk.module.path");
        assertThat(modulePath).as("the tests run on the module path").isNotBlank();
        // The test JVM's own paths: what surefire left on the class path (javax.inject, for Dagger) goes there too.
        Process child = new ProcessBuilder(java, "--module-path", modulePath, "--class-path",
                System.getProperty("java.class.path"), "-m", "sprocket.cli/sprocket.cli.Main",
                "run", "--stats-json", json.toString(), "--trace", trace.toString(), RunCommandTest.IRIX,
                "sh", "-c", "echo started; yes > /dev/null").start();
        try {
            // Once the program has started (its first line is out), ^C: SIGINT to the JVM, as a terminal sends it.
            StringBuilder err = new StringBuilder();
            Thread errReader = drain(child.getErrorStream(), err);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null) errReader.join();
            assertThat(first).as(err.toString()).isEqualTo("started");
            Thread outReader = drain(out, new StringBuilder());
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the command ended after SIGINT").isTrue();
            errReader.join();
            outReader.join();
            assertThat(child.exitValue()).as(err.toString()).isEqualTo(130);
            assertThat(err.toString()).contains("sprocket: interrupted: the run was stopped before sh ended")
                    .contains("simulated time").contains("interrupted");
            assertThat(Files.readString(json)).contains("\"interrupted\": true");
            assertThat(Files.readString(trace)).contains("\"name\":\"interrupted: the run was stopped before it ended\"");
        } finally {
            child.destroyForcibly();
        }
    }

    /** Reads {@code in} to its end into {@code into} on a thread of its own, so that the child never blocks writing. */
    private static Thread drain(InputStream in, StringBuilder into) {
        return drain(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), into);
    }

    private static Thread drain(BufferedReader in, StringBuilder into) {
        return Thread.ofPlatform().daemon().start(() -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = in) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                lines.add("(" + e.getMessage() + ")");
            }
            synchronized (into) {
                into.append(String.join("\n", lines));
            }
        });
    }
}
