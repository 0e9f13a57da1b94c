package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpinnersTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int spinners(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "spinners";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Spinners().main(machine.process(), argv);
    }

    @Test
    void a_missing_or_extra_operand_is_a_usage_error_with_status_2() {
        assertThat(spinners()).isEqualTo(2);
        assertThat(spinners("-y")).isEqualTo(2);
        assertThat(spinners("4", "10", "3")).isEqualTo(2);
        assertThat(machine.err()).contains("usage: spinners [-gy] [-c competitors] nproc [iterations]");
        assertThat(machine.forks).isZero();
    }

    @Test
    void bad_numbers_are_a_usage_error_that_names_the_ranges() {
        assertThat(spinners("0")).isEqualTo(2);
        assertThat(spinners("65")).isEqualTo(2);
        assertThat(spinners("4", "0")).isEqualTo(2);
        assertThat(spinners("four")).isEqualTo(2);
        assertThat(machine.err()).contains("nproc must be 1 to " + Spinners.MAX_PROCESSES);
        assertThat(machine.forks).isZero();
    }

    @Test
    void more_acquisitions_than_a_32_bit_ticket_can_number_are_refused() {
        // Bakery tickets grow by one per acquisition at most; 64 x 2^31/64 would reach 2^31.
        assertThat(spinners("64", Long.toString(Integer.MAX_VALUE / 64 + 1))).isEqualTo(2);
        assertThat(machine.err()).contains("nproc * iterations below " + Integer.MAX_VALUE);
    }

    @Test
    void an_unknown_option_is_named_in_the_usage_error() {
        assertThat(spinners("-x", "4")).isEqualTo(2);
        assertThat(machine.err()).startsWith("spinners: illegal option -- x\nusage:");
        assertThat(machine.forks).isZero();
    }
}
