package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/** seq(1), yes(1), basename(1) and dirname(1). */
class SeqYesPathTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private String run(sprocket.api.sys.Program p, String... args) {
        machine.stdout.reset();
        assertThat(Programs.run(machine, p, args)).as(machine.err()).isZero();
        return machine.out();
    }

    @Test
    void seq_counts_up_or_down_by_exact_decimal_steps() {
        assertThat(run(new Seq(), "3")).isEqualTo("1\n2\n3\n");
        assertThat(run(new Seq(), "5", "-2", "0")).isEqualTo("5\n3\n1\n");
        assertThat(run(new Seq(), "-1", "1")).isEqualTo("-1\n0\n1\n");
        assertThat(run(new Seq(), "0", "0.1", "0.3")).isEqualTo("0.0\n0.1\n0.2\n0.3\n");
        assertThat(run(new Seq(), "3", "1")).isEmpty();
    }

    @Test
    void seq_pads_separates_and_formats_as_asked() {
        assertThat(run(new Seq(), "-w", "8", "10")).isEqualTo("08\n09\n10\n");
        assertThat(run(new Seq(), "-s", ",", "3")).isEqualTo("1,2,3\n");
        assertThat(run(new Seq(), "-f", "%.2f%%", "1", "0.5", "2")).isEqualTo("1.00%\n1.50%\n2.00%\n");
        assertThat(run(new Seq(), "-f", "n=%g", "1", "0.25", "1.5")).isEqualTo("n=1\nn=1.25\nn=1.5\n");
    }

    @Test
    void seq_refuses_a_bad_number_a_zero_step_and_a_format_without_one_float_conversion() {
        assertThat(Programs.run(machine, new Seq(), "x")).isEqualTo(1);
        assertThat(Programs.run(machine, new Seq(), "1e-5000", "1")).isEqualTo(1);
        assertThat(Programs.run(machine, new Seq(), "1", "0", "2")).isEqualTo(1);
        assertThat(Programs.run(machine, new Seq(), "-f", "%d", "2")).isEqualTo(1);
        assertThat(Programs.run(machine, new Seq())).isEqualTo(2);
        assertThat(machine.err()).startsWith("seq: invalid number: x\nseq: invalid number: 1e-5000\nseq: increment must not be zero\n"
                + "seq: invalid format: %d\nusage: seq");
    }

    @Test
    void yes_repeats_its_line_until_the_output_fails_and_then_says_why() {
        machine.stdoutErrno = Errno.ENOSPC;
        assertThat(Programs.run(machine, new Yes(), "a", "b")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("yes: write: No space left on device\n");
    }

    @Test
    void basename_and_dirname_split_a_path_as_libgen_does_and_basename_drops_a_suffix() {
        assertThat(run(new Basename(), "/usr/lib/libc.so/")).isEqualTo("libc.so\n");
        assertThat(run(new Basename(), "/usr/lib/libc.so", ".so")).isEqualTo("libc\n");
        assertThat(run(new Basename(), ".so", ".so")).isEqualTo(".so\n");
        assertThat(run(new Basename(), "/")).isEqualTo("/\n");
        assertThat(run(new Dirname(), "/usr/lib/")).isEqualTo("/usr\n");
        assertThat(run(new Dirname(), "file")).isEqualTo(".\n");
        assertThat(run(new Dirname(), "//x")).isEqualTo("/\n");
        assertThat(Programs.run(machine, new Dirname())).isEqualTo(2);
        assertThat(Programs.run(machine, new Basename(), "a", "b", "c")).isEqualTo(2);
    }
}
