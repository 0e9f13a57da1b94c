package sprocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sprocket.cli.compare.CsvReport;
import sprocket.cli.sweep.LocalRunner;
import sprocket.cli.sweep.Results;
import sprocket.cli.sweep.Sweep;
import sprocket.cli.sweep.SweepFile;
import sprocket.cli.sweep.SweepFileException;
import sprocket.cli.sweep.Table;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigError;

/**
 * {@code sprocket sweep}: runs a sweep file's grid of configurations, programs and seeds, several simulations at once,
 * into a results folder of Parquet files (docs/sweeps.md); run again, it runs only what the folder lacks.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every combination a sweep file names (configurations, programs, varied values, seeds),"
                + " several simulations at once, into a results folder of Parquet files: a row per run.",
            "Stopped and started again with the same folder, it runs only the runs the folder lacks."},
        footer = {"", "Examples:",
            "  sprocket sweep -o machines.results configs/machines.sweep",
            "  sprocket sweep -j 2 --csv machines.csv -o machines.results configs/machines.sweep",
            "  sprocket compare --from machines.results --by hw --by hw.cpus"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every run's program exited 0",
            "1:some runs did not succeed (their rows say why); the others completed",
            "2:a usage error, an error in the sweep file, or a results folder of another sweep"})
final class SweepCommand implements Callable<Integer> {

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    PluginOptions plugins = new PluginOptions();

    @Option(names = {"-o", "--results"}, paramLabel = "DIR",
            description = "The results folder (default: the sweep file's name with .results, here).")
    Path folder;

    @Mixin
    JobsOptions jobs = new JobsOptions();

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every row as CSV to FILE at the end.")
    Path csv;

    ProgressOptions progress = new ProgressOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file (docs/sweeps.md).")
    Path file;

    SweepCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        int parallel = jobs.parallel();
        RunCommand.requireParentDirectory(csv, "--csv");
        Catalog catalog = plugins.discover(host);
        for (String problem : catalog.problems()) host.err().println("sprocket: skipped: " + problem);
        Sweep sweep;
        try {
            sweep = Sweep.plan(SweepFile.read(file), catalog);
        } catch (SweepFileException e) {
            for (ConfigError c : e.errors()) host.err().println(c);
            return Failure.USAGE;
        }
        Path out = folder != null ? folder : Path.of(defaultFolder(file));
        Results results;
        try {
            results = Results.open(out, sweep, System::nanoTime);
        } catch (IOException e) {
            throw new Failure(Failure.USAGE, e.getMessage());
        }
        int before = results.count();
        long start = System.nanoTime();
        LocalRunner runner = new LocalRunner(sweep, results, System::nanoTime);
        // Ctrl-C: the rows of the runs finished so far go to the folder, so that starting again skips them.
        Thread flush = new Thread(() -> {
            try {
                results.flush();
            } catch (IOException e) {
                host.err().println("sprocket: " + out + ": cannot write the last rows: " + e.getMessage());
            }
        }, "sprocket-sweep-flush");
        Runtime.getRuntime().addShutdownHook(flush);
        Table table;
        try {
            if (progress.show(host)) {
                try (ProgressLine line = new ProgressLine(host.err(), System::nanoTime)) {
                    line.startText(runner::progress);
                    runner.run(parallel);
                }
            } else {
                runner.run(parallel);
            }
            Runtime.getRuntime().removeShutdownHook(flush);
            table = Results.read(out);
        } catch (IOException e) {
            throw new Failure(Failure.SOFTWARE, out + ": cannot write the results: " + e.getMessage());
        }
        List<String> failures = failures(table);
        host.out().printf(Locale.ROOT, "sweep: %d runs (%d run now in %.1f s, %d from before), %d did not succeed;"
                + " results in %s%n", sweep.runs().size(), runner.ran(), (System.nanoTime() - start) / 1e9, before,
                failures.size(), out);
        for (String f : failures.subList(0, Math.min(5, failures.size()))) host.out().println("  " + f);
        if (failures.size() > 5) host.out().println("  and " + (failures.size() - 5) + " more");
        if (csv != null) writeCsv(table);
        return failures.isEmpty() ? 0 : Failure.SOFTWARE;
    }

    private static String defaultFolder(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".results";
    }

    /** {@code run 7 (irix-r2000 hw.cpus=4 seed 3): kernel panic: ...} for each row that did not succeed. */
    private static List<String> failures(Table table) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            var row = table.row(i);
            if (!"ok".equals(row.get("outcome"))) {
                out.add("run " + row.get("run") + " (" + row.get("config") + " " + row.get("program") + " seed "
                        + row.get("seed") + "): " + row.get("error"));
            }
        }
        return out;
    }

    /** Every column but stats_json (CSV is for spreadsheets; the Parquet files keep it). */
    private void writeCsv(Table table) {
        StringBuilder b = new StringBuilder();
        List<Integer> keep = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).name().equals("stats_json")) continue;
            keep.add(c);
            header.add(table.columns().get(c).name());
        }
        CsvReport.line(b, header);
        for (Object[] row : table.rows()) {
            List<String> fields = new ArrayList<>();
            for (int c : keep) fields.add(row[c] == null ? "" : String.valueOf(row[c]));
            CsvReport.line(b, fields);
        }
        try {
            Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure(Failure.SOFTWARE, csv + ": cannot write (--csv): " + e.getMessage());
        }
    }
}
