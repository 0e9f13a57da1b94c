package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sprocket sweep FILE} and {@code sprocket compare --from RESULTS}, as a user types them. */
class SweepCommandTest {
    private static final Path CONFIGS = Path.of("..", "configs").toAbsolutePath().normalize();

    private static Path sweepFile(Path dir, String text) throws Exception {
        return Files.writeString(dir.resolve("s.sweep"), "config = " + CONFIGS.resolve("irix-r2000.conf") + "\n" + text);
    }

    @Test
    void a_sweep_writes_its_results_and_compare_from_draws_them_grouped_by_a_parameter(@TempDir Path tmp)
            throws Exception {
        Path file = sweepFile(tmp, "program = hello\nvary.hw.cpus = 1, 2\nvary.kernel.lock = giant, fine\n"
                + "seeds = 1..2\n");
        Path results = tmp.resolve("r");
        Path csv = tmp.resolve("r.csv");
        Invocation run = Invocation.sprocket("sweep", "-j", "2", "-o", results.toString(), "--csv", csv.toString(),
                file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("^sweep: 8 runs \\(8 run now in [0-9.]+ s, 0 from before\\), 0 did not"
                + " succeed; results in ");
        assertThat(Files.readAllLines(csv)).hasSize(9).first().asString()
                .startsWith("run,config,program,args,hw.cpus,kernel.lock,seed,outcome,exit_status,error,");

        Invocation again = Invocation.sprocket("sweep", "-o", results.toString(), file.toString());
        assertThat(again.out()).containsPattern("^sweep: 8 runs \\(0 run now in [0-9.]+ s, 8 from before\\)");

        Path html = tmp.resolve("r.html");
        Invocation from = Invocation.sprocket("compare", "--from", results.toString(), "--by", "hw.cpus", "--html",
                html.toString());
        assertThat(from.status()).as(from.err()).isZero();
        assertThat(from.out()).contains("(8 runs)").containsPattern("\\nhw.cpus +1 +2\\n")
                .contains("spread over seeds");
        assertThat(Files.readString(html)).contains("<svg");
    }

    @Test
    void an_error_in_the_sweep_file_stops_it_before_anything_runs(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, "program = hello\nvary.hw.cpus = 1, two\n");
        Path results = tmp.resolve("r");
        Invocation run = Invocation.sprocket("sweep", "-o", results.toString(), file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(file + ":3: vary.hw.cpus = two on ");
        assertThat(results).doesNotExist();
    }

    @Test
    void compare_from_refuses_a_key_the_sweep_did_not_vary(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, "program = hello\n");
        Path results = tmp.resolve("r");
        assertThat(Invocation.sprocket("sweep", "-o", results.toString(), file.toString()).status()).isZero();
        Invocation from = Invocation.sprocket("compare", "--from", results.toString(), "--by", "hw.cpus");
        assertThat(from.status()).isEqualTo(2);
        assertThat(from.err()).contains("--by hw.cpus: not a parameter of this sweep (it has: config, program, args)");
    }
}
