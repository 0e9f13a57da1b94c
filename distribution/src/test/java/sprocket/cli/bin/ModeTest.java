package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** chmod(1)'s mode operand: octal, and symbolic clauses with who, op and perm as the manual page gives them. */
class ModeTest {

    @Test
    void an_octal_mode_is_the_new_mode() {
        assertThat(Mode.apply("755", 0, 022, false)).isEqualTo(0755);
        assertThat(Mode.apply("4711", 0644, 022, false)).isEqualTo(04711);
        assertThat(Mode.apply("8", 0, 0, false)).isEqualTo(Mode.BAD);
        assertThat(Mode.apply("77777", 0, 0, false)).isEqualTo(Mode.BAD);
    }

    @Test
    void symbolic_clauses_add_take_away_and_set_for_who_they_name() {
        assertThat(Mode.apply("u+x", 0644, 022, false)).isEqualTo(0744);
        assertThat(Mode.apply("go-r", 0644, 022, false)).isEqualTo(0600);
        assertThat(Mode.apply("a=r", 0777, 022, false)).isEqualTo(0444);
        assertThat(Mode.apply("u=rwx,g=rx,o=", 0, 022, false)).isEqualTo(0750);
        assertThat(Mode.apply("u+s,o+t", 0755, 022, false)).isEqualTo(05755);
        assertThat(Mode.apply("g+w-r", 0640, 0, false)).isEqualTo(0620);
    }

    @Test
    void without_who_the_umask_is_respected_and_capital_x_is_for_directories_and_executables() {
        assertThat(Mode.apply("+w", 0444, 022, false)).isEqualTo(0644);
        assertThat(Mode.apply("+X", 0644, 0, false)).isEqualTo(0644);
        assertThat(Mode.apply("+X", 0644, 0, true)).isEqualTo(0755);
        assertThat(Mode.apply("+X", 0744, 0, false)).isEqualTo(0755);
    }

    @Test
    void malformed_symbolic_modes_are_refused() {
        assertThat(Mode.apply("", 0, 0, false)).isEqualTo(Mode.BAD);
        assertThat(Mode.apply("u", 0, 0, false)).isEqualTo(Mode.BAD);
        assertThat(Mode.apply("u*x", 0, 0, false)).isEqualTo(Mode.BAD);
        assertThat(Mode.apply("z+x", 0, 0, false)).isEqualTo(Mode.BAD);
    }
}
