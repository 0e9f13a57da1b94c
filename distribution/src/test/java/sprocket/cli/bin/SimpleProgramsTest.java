package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

class SimpleProgramsTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    @Test
    void hello_prints_hello_world_and_exits_0() {
        assertThat(new Hello().main(machine.process(), new String[] {"hello"})).isZero();
        assertThat(machine.out()).isEqualTo("hello, world\n");
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void hello_exits_1_and_says_why_when_its_output_cannot_be_written() {
        machine.stdoutErrno = Errno.EBADF;
        assertThat(new Hello().main(machine.process(), new String[] {"hello"})).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("hello: write: Bad file number\n");
    }

    @Test
    void true_exits_0_and_false_exits_1_whatever_the_arguments() {
        // true(1)/false(1): "do nothing, successfully/unsuccessfully"; arguments are ignored.
        assertThat(new True().main(machine.process(), new String[] {"true", "--help"})).isZero();
        assertThat(new False().main(machine.process(), new String[] {"false", "x"})).isEqualTo(1);
        assertThat(machine.out()).isEmpty();
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void every_program_is_named_after_its_class_and_has_a_summary() {
        for (var p : new sprocket.api.sys.Program[] {new Hello(), new True(), new False(), new Echo(), new Sleep(),
                new Kill(), new Forktree(), new Burn(), new Cat(), new Ls(), new Mkdir(), new Rm(), new Ln(), new Wc(),
                new Grep(), new Tee()}) {
            assertThat(p.name()).isEqualTo(p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            assertThat(p.summary()).isNotBlank();
        }
    }
}
