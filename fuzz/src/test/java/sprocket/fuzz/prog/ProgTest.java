package sprocket.fuzz.prog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A call is named by its path in the program, which the supervisor, exec'd images and reports share. */
class ProgTest {
    private static final Call OPEN = new Call(Op.OPEN, 1);
    private static final Call READ = new Call(Op.READ, 2);
    private static final Call EXEC = new Call(Op.EXEC, 3, List.of(READ, OPEN));
    private static final Prog PROG = new Prog(100, true, List.of(
            new Call(Op.FORK, 4, List.of(OPEN, EXEC, READ)),
            new Call(Op.FORK, 5, List.of(READ))));

    @Test
    void a_path_names_a_call_its_body_and_its_list() {
        assertThat(PROG.call("1.2")).isEqualTo(EXEC);
        assertThat(PROG.body("1.2")).containsExactly(READ, OPEN);
        assertThat(PROG.call("1.2.2")).isEqualTo(OPEN);
        assertThat(PROG.list("1.3")).containsExactly(OPEN, EXEC, READ);
        assertThat(PROG.call("2.1")).isEqualTo(READ);
        assertThat(Prog.prefix("1.2.2")).isEqualTo("1.2.");
        assertThat(Prog.index("1.2.2")).isEqualTo(1);
    }

    @Test
    void a_path_that_names_nothing_gives_null() {
        assertThat(PROG.call("3")).isNull();
        assertThat(PROG.call("1.9")).isNull();
        assertThat(PROG.body("1.x")).isNull();
        assertThat(PROG.call("0")).isNull();
    }

    @Test
    void its_size_is_the_workers_calls_and_its_rendering_lists_each_with_its_path() {
        assertThat(PROG.size()).isEqualTo(6);
        assertThat(PROG.render()).contains("worker 1:", "1.2 exec -> new image:", "1.2.2 open", "worker 2:", "2.1 read")
                .contains("uid 100");
    }

    @Test
    void what_survives_exec_is_passed_through_argv_and_read_back() {
        Resources r = Resources.initial();
        r.fd(7, Resources.Kind.PIPE_WRITE);
        r.sems.add(3);
        r.shms.add(65_537);
        r.msgs.add(2);
        r.ports.add(5001);
        r.map(0x1000, 4096);
        Resources back = Resources.decode(r.encode());
        assertThat(back.fds).isEqualTo(r.fds);
        assertThat(back.sems).containsExactly(3);
        assertThat(back.shms).containsExactly(65_537);
        assertThat(back.msgs).containsExactly(2);
        assertThat(back.ports).containsExactly(5001);
        assertThat(back.maps).isEmpty();
        assertThat(Resources.decode("junk,1:x,:3,9:99")).satisfies(d -> assertThat(d.fds).containsEntry(9,
                Resources.Kind.INHERITED));
    }
}
