package sprocket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.fuzz.prog.Call;
import sprocket.fuzz.prog.Generator;
import sprocket.fuzz.prog.Op;
import sprocket.fuzz.prog.Prog;

/** Shrinking keeps what makes a program fail and drops the rest, within its budget of runs. */
class ShrinkerTest {

    private static int count(List<Call> calls, Op op) {
        int n = 0;
        for (Call c : calls) n += (c.op() == op ? 1 : 0) + count(c.body(), op);
        return n;
    }

    @Test
    void a_program_that_fails_for_two_calls_shrinks_to_those_and_what_holds_them() {
        Prog big = Generator.generate(5, 3000);
        assertThat(count(big.calls(), Op.PIPE)).isGreaterThanOrEqualTo(2);
        Prog small = Shrinker.shrink(big, p -> count(p.calls(), Op.PIPE) >= 2, 1000);
        assertThat(count(small.calls(), Op.PIPE)).isEqualTo(2);
        // Each pipe call may sit inside children or images that have to stay (at most six deep); nothing else does.
        assertThat(small.size()).isLessThanOrEqualTo(2 * 7);
    }

    @Test
    void shrinking_stops_when_its_budget_of_runs_is_spent() {
        Prog big = Generator.generate(6, 2000);
        int pipes = count(big.calls(), Op.PIPE);
        int[] runs = {0};
        Prog small = Shrinker.shrink(big, p -> {
            runs[0]++;
            return count(p.calls(), Op.PIPE) == pipes;
        }, 7);
        assertThat(runs[0]).isEqualTo(7);
        assertThat(count(small.calls(), Op.PIPE)).isEqualTo(pipes);
    }

    @Test
    void a_program_that_no_longer_fails_when_cut_stays_whole() {
        Prog big = Generator.generate(8, 500);
        Prog same = Shrinker.shrink(big, p -> p.equals(big), 200);
        assertThat(same).isEqualTo(big);
    }
}
