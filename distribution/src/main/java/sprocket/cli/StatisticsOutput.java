package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sprocket.kernel.RunResult;

/** What `sprocket run` and `sprocket boot` print after the machine halts: the statistics summary and their JSON. */
final class StatisticsOutput {

    private StatisticsOutput() {
    }

    /** The summary on standard error unless {@code quiet}, and the JSON in {@code json} when one is named. */
    static void write(Host host, RunResult result, boolean quiet, Path json) {
        if (!quiet) {
            String summary = result.stats().summary();
            host.err().print(summary.endsWith("\n") ? summary : summary + "\n");
            host.err().flush();
        }
        if (json == null) return;
        try {
            String text = result.stats().toJson();
            Files.writeString(json, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure(Failure.SOFTWARE, json + ": cannot write the statistics: " + e.getMessage());
        }
    }
}
