package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression guard's bookkeeping: what it records, reads back and calls a regression (no figure is timed here). */
class RegressionCheckTest {

    private static Map<String, Double> figures(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    @Test
    void recordedFiguresReadBackAsWritten(@TempDir Path dir) {
        Path file = dir.resolve("reference-figures.txt");
        Map<String, Double> now = figures("getpid_ns", 0.000123456, "bytes_per_process", 2_345);

        RegressionCheck.write(file, now, 41_000_000);

        assertThat(RegressionCheck.read(file)).containsExactlyEntriesOf(now);
    }

    @Test
    void aFigureMoreThanTwentyPercentWorseFailsAndOneWithinItPasses() {
        var text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        Map<String, Double> was = figures("getpid_ns", 1.0, "fork_ns", 1.0, "shm_ns", 1.0);

        int worse = RegressionCheck.compare(figures("getpid_ns", 1.19, "fork_ns", 1.21, "shm_ns", 0.5), was, out);

        assertThat(worse).isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8)).containsPattern("fork_ns .*WORSE")
                .containsPattern("getpid_ns .* ok").containsPattern("shm_ns .* ok");
    }

    @Test
    void aFigureNeverRecordedIsReportedButDoesNotFail() {
        var text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);

        int worse = RegressionCheck.compare(figures("yield_ns", 9.0), figures("getpid_ns", 1.0), out);

        assertThat(worse).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).containsPattern("yield_ns .*not recorded");
    }
}
