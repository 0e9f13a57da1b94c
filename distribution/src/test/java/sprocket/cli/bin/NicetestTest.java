package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void on_one_cpu_the_shares_owed_follow_the_weights() {
        double[] owed = Nicetest.owed(new long[] {1024, 335, 110}, 1);
        assertThat(owed[0]).isCloseTo(1024.0 / 1469, within(1e-12));
        assertThat(owed[2]).isCloseTo(110.0 / 1469, within(1e-12));
    }

    @Test
    void a_share_above_one_cpu_is_capped_at_one_and_the_rest_shared_by_weight() {
        // On 2 CPUs nice 0 would be owed 1.39 CPUs: it gets one, and nice 5 and 10 share the other 335:110.
        double[] owed = Nicetest.owed(new long[] {1024, 335, 110}, 2);
        assertThat(owed[0]).isCloseTo(0.5, within(1e-12));
        assertThat(owed[1]).isCloseTo(0.5 * 335 / 445, within(1e-12));
        assertThat(owed[2]).isCloseTo(0.5 * 110 / 445, within(1e-12));
        // Capping one can push another over: on 3 CPUs of weights 8:4:1:1, 8 and then 4 are capped.
        double[] two = Nicetest.owed(new long[] {8, 4, 1, 1}, 3);
        assertThat(two).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6}, within(1e-12));
    }

    @Test
    void with_a_cpu_for_every_child_the_shares_owed_are_equal_whatever_the_weights() {
        assertThat(Nicetest.owed(new long[] {1024, 335, 110, 36, 15, 15, 15, 15}, 8))
                .containsOnly(0.125);
        assertThat(Nicetest.owed(new long[] {1024, 15}, 8)).containsExactly(0.5, 0.5);
    }
}
