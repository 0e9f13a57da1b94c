package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import sprocket.kernel.RunResult;

/**
 * The statistics `sprocket run` and `sprocket boot` give when the machine halts: the summary on standard error
 * (unless {@code --no-stats}) and their JSON ({@code --stats-json FILE}), a mixin of both commands.
 */
final class StatisticsOptions implements Specs.OptionSet {

    Path statsJson;
    boolean noStats;

    @Override
    public void addTo(CommandSpec command) {
        command.addMixin("statistics", CommandSpec.create()
                .addOption(Specs.option(() -> statsJson, v -> statsJson = v, "--stats-json").paramLabel("FILE")
                        .type(Path.class).converters(Specs.PATH)
                        .description("Also write the statistics to FILE as JSON.").build())
                .addOption(Specs.option(() -> noStats, v -> noStats = v, "--no-stats").type(boolean.class)
                        .description("Do not print the statistics summary.").build()));
    }

    /** Before booting: a JSON file that could not be written fails now, not after a long run. */
    void check() {
        RunCommand.requireParentDirectory(statsJson, "--stats-json");
    }

    /** After the run: the summary and the JSON, as asked. */
    void write(Host host, RunResult result) {
        if (!noStats) {
            String summary = result.stats().summary();
            host.err().print(summary.endsWith("\n") ? summary : summary + "\n");
            host.err().flush();
        }
        if (statsJson == null) return;
        try {
            String text = result.stats().toJson();
            Files.writeString(statsJson, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure(Failure.SOFTWARE, statsJson + ": cannot write the statistics: " + e.getMessage());
        }
    }
}
