package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicetestTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int nicetest(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "nicetest";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Nicetest().main(machine.process(), argv);
    }

    @Test
    void more_than_two_operands_is_a_usage_error_with_status_2() {
        assertThat(nicetest("3", "1000", "5")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("usage: nicetest [nproc [cycles]]\n");
        assertThat(machine.forks).isZero();
    }

    @Test
    void bad_numbers_are_a_usage_error_that_names_the_ranges() {
        assertThat(nicetest("0")).isEqualTo(2);
        assertThat(nicetest(Integer.toString(Nicetest.MAX_PROCESSES + 1))).isEqualTo(2);
        assertThat(nicetest("3", "0")).isEqualTo(2);
        assertThat(nicetest("3", "lots")).isEqualTo(2);
        assertThat(machine.err()).contains("nproc must be 1 to " + Nicetest.MAX_PROCESSES).contains("usage: nicetest");
        assertThat(machine.forks).isZero();
    }

    @Test
    void shares_are_percentages_rounded_to_a_tenth() {
        assertThat(Nicetest.percent(1024, 1469)).isEqualTo("69.7%");
        assertThat(Nicetest.percent(110, 1469)).isEqualTo("7.5%");
        assertThat(Nicetest.percent(1, 1)).isEqualTo("100.0%");
        assertThat(Nicetest.percent(0, 0)).isEqualTo("0.0%");
    }
}
