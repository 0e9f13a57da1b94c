package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixedTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int mixed(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "mixed";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Mixed().main(machine.process(), argv);
    }

    @Test
    void one_operand_or_more_than_three_is_a_usage_error_with_status_2() {
        assertThat(mixed("4")).isEqualTo(2);
        assertThat(mixed("4", "4", "20", "1")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("usage: mixed [cpu io [rounds]]\nusage: mixed [cpu io [rounds]]\n");
        assertThat(machine.forks).isZero();
    }

    @Test
    void no_children_at_all_zero_rounds_and_non_numbers_are_usage_errors() {
        assertThat(mixed("0", "0")).isEqualTo(2);
        assertThat(mixed("1", "1", "0")).isEqualTo(2);
        assertThat(mixed("1", "x")).isEqualTo(2);
        assertThat(mixed("-1", "2")).isEqualTo(2);
        assertThat(mixed("200", "100")).isEqualTo(2);
        assertThat(machine.err()).contains("together 1 to " + Mixed.MAX_CHILDREN).contains("usage: mixed");
        assertThat(machine.forks).isZero();
    }
}
