package sprocket.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sprocket.cli.sweep.LocalRunner;
import sprocket.cli.sweep.Results;
import sprocket.cli.sweep.Sweep;
import sprocket.cli.sweep.SweepFile;
import sprocket.cli.sweep.Table;
import sprocket.kernel.Catalog;

/**
 * A small sweep through Spark in local mode (two executor threads) gives the local runner's rows, row for row (the
 * runs are deterministic, so equal means byte for byte); Spark SQL and DuckDB read the results as they are.
 */
class SparkSweepTest {
    private static final Path CONFIGS = Path.of("..", "configs").toAbsolutePath().normalize();
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SparkSweepTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void a_sweep_on_spark_gives_the_local_runners_rows_and_spark_sql_and_duckdb_read_them(@TempDir Path tmp)
            throws Exception {
        Path file = Files.writeString(tmp.resolve("s.sweep"), "config = " + CONFIGS.resolve("irix-r2000.conf")
                + "\nconfig = " + CONFIGS.resolve("linux-x86mps.conf") + "\nprogram = hello\nprogram = false\n"
                + "vary.hw.cpus = 1, 2\nseeds = 1..2\n");
        Sweep sweep = Sweep.plan(SweepFile.read(file), Catalog.discover(List.of()));
        Path local = tmp.resolve("local");
        new LocalRunner(sweep, Results.open(local, sweep, System::nanoTime), System::nanoTime).run(2);

        Path onSpark = tmp.resolve("spark");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Waves of 2 tasks of 3 runs: two waves of 6 and one of 4, each written before the next.
        int status = SparkSweep.run(spark, file, onSpark, 2, 3, List.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isEqualTo(1); // the false runs
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("^sweep: 16 runs \\(16 run now on Spark in"
                + " [0-9.]+ s, 0 from before\\), 8 did not succeed");

        Table a = Results.read(local);
        Table b = Results.read(onSpark);
        assertThat(b.columns()).isEqualTo(a.columns());
        assertThat(b.rows()).hasSize(16);
        for (int i = 0; i < a.rows().size(); i++) assertThat(b.rows().get(i)).containsExactly(a.rows().get(i));
        assertThat(Files.readAllBytes(onSpark.resolve("results.parquet")))
                .isEqualTo(Files.readAllBytes(local.resolve("results.parquet")));

        long cycles = 0;
        for (int i = 0; i < a.rows().size(); i++) {
            Object c = a.row(i).get("simulated_cycles");
            if (c != null) cycles += (Long) c;
        }
        List<Row> sql = spark.read().parquet(onSpark.toString()).groupBy("outcome").sum("simulated_cycles")
                .orderBy("outcome").collectAsList();
        assertThat(sql).hasSize(2);
        assertThat(sql.get(0).getString(0)).isEqualTo("exit 1");
        assertThat(sql.get(0).getLong(1) + sql.get(1).getLong(1)).isEqualTo(cycles);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), sum(simulated_cycles), count(DISTINCT \"hw.cpus\") FROM '"
                        + onSpark + "/*.parquet'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(16);
            assertThat(r.getLong(2)).isEqualTo(cycles);
            assertThat(r.getLong(3)).isEqualTo(2);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        SparkSweep.run(spark, file, onSpark, 3, new PrintStream(again, true, StandardCharsets.UTF_8), System.err);
        assertThat(again.toString(StandardCharsets.UTF_8)).containsPattern("^sweep: 16 runs \\(0 run now on Spark in"
                + " [0-9.]+ s, 16 from");
    }

    /**
     * A third-party scheduler's jar, given to Spark as {@code --jars} gives it, reaches the driver (the sweep file's
     * {@code vary.sched = lottery} checks) and the executors (the runs use it); the jar is on neither's class path.
     */
    @Test
    void a_plug_in_jar_given_to_spark_is_found_on_the_driver_and_the_executors(@TempDir Path tmp) throws Exception {
        Path jar = Path.of(System.getProperty("sprocket.lotteryJar"));
        assertThat(jar).isRegularFile();
        assertThatThrownBy(() -> Class.forName("org.example.lottery.LotteryProvider"))
                .as("the plug-in is not on the test's class path").isInstanceOf(ClassNotFoundException.class);
        Path file = Files.writeString(tmp.resolve("s.sweep"), "config = " + CONFIGS.resolve("irix-r2000.conf")
                + "\nprogram = burn 2 20000\nvary.sched = rr, lottery\nvary.hw.cpus = 2\nseeds = 1..3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path folder = tmp.resolve("r");
        int status = SparkSweep.run(spark, file, folder, 2, 2, List.of(jar.toString()), quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Table t = Results.read(folder);
        assertThat(t.rows()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(t.row(i).get("outcome")).isEqualTo("ok");
            assertThat(t.row(i).get("scheduler")).isEqualTo(t.row(i).get("sched"));
        }
        assertThat(t.row(5).get("sched")).isEqualTo("lottery");
    }

    @Test
    void a_folder_of_another_sweep_is_refused_on_spark_too(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.sweep"), "config = " + CONFIGS.resolve("irix-r2000.conf")
                + "\nprogram = hello\n");
        Path folder = tmp.resolve("r");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SparkSweep.run(spark, file, folder, 2, quiet, quiet)).isZero();
        Files.writeString(file, Files.readString(file) + "seeds = 1..2\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SparkSweep.run(spark, file, folder, 2, quiet, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds the results of another sweep");
    }
}
