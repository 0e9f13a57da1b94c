package sprocket.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import sprocket.cli.sweep.Results;
import sprocket.cli.sweep.Sweep;
import sprocket.cli.sweep.SweepFile;
import sprocket.cli.sweep.SweepFileException;
import sprocket.cli.sweep.SweepRun;
import sprocket.cli.sweep.Table;
import sprocket.kernel.ConfigError;

/**
 * {@code spark-submit --class sprocket.sweep.spark.SparkSweep JAR SWEEP RESULTS [PARTITIONS]}: runs the runs a
 * results folder lacks on the cluster's executors, a slice of the grid per task, and writes their rows on the driver
 * through the same {@link Results} as {@code sprocket sweep}, so the folder is the same, byte for byte.
 */
public final class SparkSweep {
    /** Exit status for an error in the sweep file or a refused folder, as {@code sprocket sweep}. */
    static final int USAGE = 2;
    /** How many runs each task takes in a wave: enough that a task's start is a small part of it. */
    static final int RUNS_PER_TASK = 16;

    private SparkSweep() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SparkSweep SWEEP-FILE RESULTS-FOLDER [PARTITIONS]");
            System.exit(USAGE);
        }
        SparkSession spark = SparkSession.builder().appName("sprocket sweep " + args[0]).getOrCreate();
        int status;
        try {
            int partitions = args.length == 3 ? Integer.parseInt(args[2])
                    : spark.sparkContext().defaultParallelism() * 4;
            // spark-submit's --jars: the application's jar, and the plug-ins among the others.
            List<String> jars = List.of(spark.sparkContext().conf().get("spark.jars", "").split(","));
            status = run(spark, Path.of(args[0]), Path.of(args[1]), partitions, RUNS_PER_TASK,
                    jars.stream().filter(j -> !j.isBlank()).toList(), System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /**
     * Checks the sweep and the folder, runs what is missing in {@code partitions} tasks and writes the rows; returns
     * the exit status {@code sprocket sweep} would (0, 1 when some runs did not succeed, 2 for a bad sweep or folder).
     */
    public static int run(SparkSession spark, Path file, Path folder, int partitions, PrintStream out, PrintStream err)
            throws IOException {
        return run(spark, file, folder, partitions, RUNS_PER_TASK, List.of(), out, err);
    }

    /**
     * {@link #run}, with waves of {@code runsPerTask} runs a task and the providers of the jars {@code plugins}
     * (paths or URIs, as {@code --jars} takes them) beside the application's, on the driver and on every executor.
     */
    static int run(SparkSession spark, Path file, Path folder, int partitions, int runsPerTask, List<String> plugins,
            PrintStream out, PrintStream err) throws IOException {
        long start = System.nanoTime();
        Sweep sweep;
        SweepFile read;
        try {
            read = SweepFile.read(file);
            sweep = Sweep.plan(read, PluginJars.ship(spark.sparkContext(), plugins));
        } catch (SweepFileException e) {
            for (ConfigError c : e.errors()) err.println(c);
            return USAGE;
        }
        Results results;
        try {
            results = Results.open(folder, sweep, System::nanoTime);
        } catch (IOException e) {
            err.println("sprocket: " + e.getMessage());
            return USAGE;
        }
        List<Integer> missing = new ArrayList<>();
        for (SweepRun r : sweep.runs()) if (!results.has(r.index())) missing.add(r.index());
        int before = sweep.runs().size() - missing.size();
        ShippedSweep shipped = ShippedSweep.of(read);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = Math.max(1, partitions);
        // In waves of runsPerTask runs a task: each wave's rows are written before the next starts, so a sweep
        // whose driver or cluster fails part way keeps what the finished waves ran, as a local sweep does.
        int wave = tasks * Math.max(1, runsPerTask);
        int ran = 0;
        for (int from = 0; from < missing.size(); from += wave) {
            List<Integer> slice = missing.subList(from, Math.min(missing.size(), from + wave));
            List<LinkedHashMap<String, Object>> rows = context
                    .parallelize(new ArrayList<>(slice), Math.min(tasks, slice.size()))
                    .mapPartitions((Iterator<Integer> indices) -> slice(shipped, indices))
                    .collect();
            for (Map<String, Object> row : rows) results.add(row);
            results.flush();
            ran += rows.size();
        }
        results.finish();
        Table table = Results.read(folder);
        int failed = 0;
        for (int i = 0; i < table.rows().size(); i++) if (!"ok".equals(table.row(i).get("outcome"))) failed++;
        out.printf(Locale.ROOT, "sweep: %d runs (%d run now on Spark in %.1f s, %d from before), %d did not succeed;"
                + " results in %s%n", sweep.runs().size(), ran, (System.nanoTime() - start) / 1e9, before, failed,
                folder);
        return failed == 0 ? 0 : 1;
    }

    /**
     * An executor's task: the rows of its slice of the grid, one simulation after another on this thread (in the order
     * they were planned, which {@link LinkedHashMap} keeps, so that the columns come out as the local runner's).
     */
    private static Iterator<LinkedHashMap<String, Object>> slice(ShippedSweep shipped, Iterator<Integer> indices) {
        Sweep sweep = shipped.plan();
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        while (indices.hasNext()) out.add(new LinkedHashMap<>(sweep.row(sweep.runs().get(indices.next()))));
        return out.iterator();
    }
}
