package sprocket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.fuzz.prog.Call;
import sprocket.fuzz.prog.Op;
import sprocket.fuzz.prog.Prog;
import sprocket.kernel.Catalog;

/** One run of a program on the real kernel: its calls are made, counted, and traced when asked. */
class RunnerTest {
    private static final Path CONFIG = Path.of("").toAbsolutePath().getParent().resolve("configs/irix-r2000.conf");

    @Test
    void a_traced_run_keeps_the_end_of_the_workers_system_calls() {
        Prog p = new Prog(100, true, List.of(new Call(Op.FORK, 1, List.of(new Call(Op.PIPE, 7), new Call(Op.IDS, 8)))));
        Runner.Outcome o = new Runner(Catalog.discover(List.of())).run(CONFIG, List.of("kernel.time_limit=60"), p, true);
        assertThat(o.problem()).isNull();
        assertThat(o.calls()).isEqualTo(2);
        assertThat(o.trace()).anySatisfy(l -> assertThat(l).contains("pipe("));
        assertThat(o.digest()).isNotNull();
    }
}
