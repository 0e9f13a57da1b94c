package sprocket.fuzz.prog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A seed makes one program, of the size asked, shaped as the supervisor and the executors expect. */
class GeneratorTest {

    @Test
    void a_seed_makes_the_same_program_every_time_and_another_seed_another() {
        assertThat(Generator.generate(42, 3000)).isEqualTo(Generator.generate(42, 3000));
        assertThat(Generator.generate(43, 3000)).isNotEqualTo(Generator.generate(42, 3000));
    }

    @Test
    void the_budget_is_the_calls_of_every_process_together() {
        for (long seed = 1; seed <= 20; seed++) {
            Prog p = Generator.generate(seed, 2000);
            assertThat(p.size()).as("seed %d", seed).isBetween(2000, 2000 + Generator.HANDLER_CALLS);
        }
    }

    @Test
    void the_first_list_is_workers_each_with_calls_of_its_own() {
        Prog p = Generator.generate(7, 5000);
        assertThat(p.calls()).allSatisfy(w -> {
            assertThat(w.op()).isEqualTo(Op.FORK);
            assertThat(w.body()).isNotEmpty();
            assertThat(Call.size(w.body())).isLessThanOrEqualTo(Generator.WORKER_MAX + Generator.HANDLER_CALLS);
        });
    }

    @Test
    void handlers_make_a_few_plain_calls_vfork_children_a_few_calls_and_exit_ends_a_list() {
        for (long seed = 1; seed <= 30; seed++) check(Generator.generate(seed, 3000).calls(), 0);
    }

    private static void check(List<Call> calls, int depth) {
        assertThat(depth).isLessThanOrEqualTo(Generator.MAX_DEPTH + 1);
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            if (c.op() == Op.EXIT) assertThat(i).as("exit is last").isEqualTo(calls.size() - 1);
            if (c.op().kind() == Op.Kind.HANDLER) {
                assertThat(c.body()).hasSizeLessThanOrEqualTo(Generator.HANDLER_CALLS)
                        .allSatisfy(h -> assertThat(h.op().kind()).isEqualTo(Op.Kind.PLAIN));
            }
            if (c.op() == Op.VFORK) assertThat(Call.size(c.body())).isLessThanOrEqualTo(Generator.VFORK_CALLS + 3);
            if (c.op().kind() == Op.Kind.PLAIN) assertThat(c.body()).isEmpty();
            check(c.body(), depth + 1);
        }
    }

    @Test
    void every_op_is_generated() {
        java.util.Set<Op> seen = java.util.EnumSet.noneOf(Op.class);
        for (long seed = 1; seed <= 10; seed++) collect(Generator.generate(seed, 5000).calls(), seen);
        assertThat(seen).containsExactlyInAnyOrder(Op.values());
    }

    private static void collect(List<Call> calls, java.util.Set<Op> seen) {
        for (Call c : calls) {
            seen.add(c.op());
            collect(c.body(), seen);
        }
    }
}
