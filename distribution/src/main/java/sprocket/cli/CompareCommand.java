package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sprocket.cli.compare.Comparison;
import sprocket.cli.compare.Grid;
import sprocket.cli.compare.Outcome;
import sprocket.cli.compare.Runs;
import sprocket.cli.compare.Simulation;
import sprocket.cli.sweep.FromResults;
import sprocket.cli.sweep.Results;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelConfig;

/**
 * {@code sprocket compare}: runs one program over every combination of configurations, varied values and seeds,
 * several simulations at once, and prints the figures side by side; CSV, JSON and an HTML report on request.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run /bin/PROGRAM with ARGS on every combination of the configurations (-c) and the varied "
                + "values (--vary), several simulations at once, and print their figures side by side.",
            "Options go before PROGRAM; everything after it is the program's."},
        footer = {"", "Examples:",
            "  sprocket compare -c configs/irix-r2000.conf --vary hw=r2000,x86mps memtouch 128",
            "  sprocket compare -c configs/linux-x86mps.conf --vary hw.cpus=1,2 \\",
            "      --vary kernel.lock=giant,fine sprocpi -k 5 2 100000",
            "  sprocket compare -c configs/irix-r2000.conf --vary hw=r2000,x86mps \\",
            "      --vary hw.cpus=1,2,4 --html report.html shmpi 4 100000"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every run's program exited 0",
            "1:a program failed in some run (exited non-zero or was killed); the others completed",
            "2:a usage error, or a configuration that does not check in some run",
            "70:a kernel panic in some run",
            "127:no such program in /bin"})
final class CompareCommand implements Callable<Integer> {

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    ConfigOptions config = new ConfigOptions();

    PluginOptions plugins = new PluginOptions();

    @Option(names = "--from", paramLabel = "RESULTS",
            description = "Draw the table and reports from a sweep's results folder (sprocket sweep) instead of"
                    + " running anything; --by chooses the columns.")
    Path from;

    @Option(names = "--by", paramLabel = "KEY",
            description = "With --from: a column per value of KEY (repeatable: per combination), figures averaged over"
                    + " the rest (default: every parameter but the seed).")
    List<String> by = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "CONFIG",
            description = "A configuration file (repeatable): each is a set of columns.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
            description = "Run with each value of KEY (repeatable: every combination runs). hw=r2000,x86mps compares"
                    + " the machines with everything else equal.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Run each combination with N seeds, from the configuration's (or --seed) up; the table"
                    + " shows means. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Mixin
    JobsOptions jobs = new JobsOptions();

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per run to FILE.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON to FILE.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (the table and charts; opens offline) to FILE.")
    Path html;

    ProgressOptions progress = new ProgressOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM", description = "The program to run, from /bin.")
    String program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments, passed untouched.")
    List<String> args = new ArrayList<>();

    CompareCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        RunCommand.requireParentDirectory(csv, "--csv");
        RunCommand.requireParentDirectory(json, "--json");
        RunCommand.requireParentDirectory(html, "--html");
        if (from != null) return fromResults();
        if (!by.isEmpty()) throw new Failure(Failure.USAGE, "--by goes with --from RESULTS");
        if (configs.isEmpty()) throw new Failure(Failure.USAGE, "Missing required option: '--config=CONFIG'");
        if (program == null) throw new Failure(Failure.USAGE, "Missing required parameter: 'PROGRAM'");
        if (seeds < 1 || seeds > 1000) throw new Failure(Failure.USAGE, "--seeds " + seeds + ": want 1 to 1000");
        int parallel = jobs.parallel();
        for (Path c : configs) {
            if (!Files.isRegularFile(c)) {
                throw new Failure(Failure.USAGE, c + ": " + (Files.isDirectory(c) ? "Is a directory"
                        : "No such file or directory"));
            }
        }
        Catalog catalog = plugins.discover(host);
        for (String problem : catalog.problems()) host.err().println("sprocket: skipped: " + problem);
        RunCommand.requireProgram(catalog, program);
        Simulation simulation = new Simulation(catalog, config.overrides(), config.strict, program, args);

        Map<Path, KernelConfig> bases = new LinkedHashMap<>();
        for (Path c : configs) {
            try {
                bases.putIfAbsent(c, KernelConfig.load(c, config.overrides(), catalog, config.strict));
            } catch (ConfigException e) {
                bases.putIfAbsent(c, null); // each of its runs reports the error in its cell
            }
        }
        Grid grid;
        try {
            grid = Grid.of(configs, vary, seeds, c -> baseSeed(bases.get(c)));
        } catch (IllegalArgumentException e) {
            throw new Failure(Failure.USAGE, e.getMessage());
        }

        Runs runs = new Runs(grid.variants());
        List<Outcome> outcomes;
        if (progress.show(host)) {
            try (ProgressLine line = new ProgressLine(host.err(), System::nanoTime)) {
                line.startText(runs::progress);
                outcomes = runs.run(parallel, v -> simulation.run(v, k -> runs.booted(v, k)));
            }
        } else {
            outcomes = runs.run(parallel, v -> simulation.run(v, k -> runs.booted(v, k)));
        }

        for (String w : simulation.warnings()) host.err().println(w);
        Comparison comparison = new Comparison(program, args, grid, outcomes, bases);
        host.out().print(comparison.text(commandLine()));
        host.out().flush();
        write(csv, comparison::csv, "--csv");
        write(json, comparison::json, "--json");
        write(html, () -> comparison.html(commandLine()), "--html");
        return comparison.exitStatus();
    }

    /** The table and reports of a sweep's results, grouped by {@code --by}; nothing runs. */
    private int fromResults() {
        if (!configs.isEmpty() || !vary.isEmpty() || program != null) {
            throw new Failure(Failure.USAGE, "--from RESULTS draws what a sweep ran: no -c, --vary or PROGRAM with it");
        }
        Comparison comparison;
        String title = "--from " + from + (by.isEmpty() ? "" : " --by " + String.join(" --by ", by));
        try {
            comparison = FromResults.of(Results.read(from), by, title);
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure(Failure.USAGE, e.getMessage());
        }
        host.out().print(comparison.text(title));
        host.out().flush();
        write(csv, comparison::csv, "--csv");
        write(json, comparison::json, "--json");
        write(html, () -> comparison.html(title), "--html");
        return comparison.exitStatus();
    }

    /** The command as typed, for the notes and the report's heading. */
    private String commandLine() {
        return program + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    private long baseSeed(KernelConfig c) {
        if (config.seed != null) return config.seed;
        if (c == null) return 1;
        try {
            return Long.parseLong(c.value("seed"));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    private void write(Path file, Supplier<String> content, String option) {
        if (file == null) return;
        try {
            Files.writeString(file, content.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure(Failure.SOFTWARE, file + ": cannot write (" + option + "): " + e.getMessage());
        }
    }
}
