package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --trace} files as Perfetto and chrome://tracing read them: well-formed JSON in the Trace Event Format, and on
 * every track no two slices overlapping without one nesting inside the other (Perfetto drops such a slice).
 */
class TraceFileTest {

    /** Programs that fork, exec, block, share and migrate, so every track sees switches back to back. */
    static Stream<Arguments> runs() {
        return Stream.of(RunCommandTest.IRIX, RunCommandTest.LINUX).flatMap(config -> Stream.of(
                Arguments.of(config, "forktree", new String[] {"3"}),
                Arguments.of(config, "pipeline", new String[] {"50", "300"}),
                Arguments.of(config, "sprocpi", new String[] {"4", "2000"}),
                Arguments.of(config, "spinners", new String[] {"-y", "6", "100"}),
                Arguments.of(config, "echoserver", new String[0])));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void no_two_slices_on_a_track_overlap_without_nesting(String config, String program, String[] args,
            @TempDir Path tmp) throws IOException {
        Path trace = tmp.resolve("trace.json");
        List<String> argv = new ArrayList<>(List.of("run", "--no-stats", "--trace", trace.toString(), config, program));
        argv.addAll(List.of(args));
        Invocation r = Invocation.sprocket(argv.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isZero();

        JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(trace.toFile());
        JsonNode events = root.get("traceEvents");
        assertThat(events.isArray()).isTrue();
        Map<String, List<long[]>> tracks = new TreeMap<>();
        int slices = 0;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            assertThat(e.get("pid").isIntegralNumber()).as("pid of %s", e).isTrue();
            assertThat(e.get("tid").isIntegralNumber()).as("tid of %s", e).isTrue();
            assertThat(e.get("name").isTextual()).as("name of %s", e).isTrue();
            if (ph.equals("M")) continue;
            assertThat(ph).as("phase of %s", e).isIn("X", "i", "C");
            assertThat(e.get("ts").isNumber()).as("ts of %s", e).isTrue();
            if (!ph.equals("X")) continue;
            long start = nanos(e.get("ts"));
            long dur = nanos(e.get("dur"));
            assertThat(dur).as("dur of %s", e).isPositive();
            // Perfetto reads a fractional value as llround(value * 1000): it must land on the same nanosecond.
            assertThat(Math.round(e.get("ts").asDouble() * 1000.0)).as("ts of %s", e).isEqualTo(start);
            assertThat(Math.round(e.get("dur").asDouble() * 1000.0)).as("dur of %s", e).isEqualTo(dur);
            tracks.computeIfAbsent(e.get("pid") + "/" + e.get("tid"), k -> new ArrayList<>())
                    .add(new long[] {start, start + dur});
            slices++;
        }
        assertThat(slices).as("slices in the trace").isPositive();
        tracks.forEach((track, list) -> {
            list.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> -s[1]));
            List<long[]> open = new ArrayList<>();
            for (long[] s : list) {
                while (!open.isEmpty() && open.get(open.size() - 1)[1] <= s[0]) open.remove(open.size() - 1);
                if (!open.isEmpty()) {
                    long[] outer = open.get(open.size() - 1);
                    assertThat(s[1]).as("track %s: slice [%d, %d) overlaps [%d, %d) without nesting", track, s[0],
                            s[1], outer[0], outer[1]).isLessThanOrEqualTo(outer[1]);
                }
                open.add(s);
            }
        });
    }

    /** A microsecond value of the file as exact nanoseconds; more than three decimals would not be whole. */
    private static long nanos(JsonNode v) {
        return v.decimalValue().movePointRight(3).longValueExact();
    }
}
