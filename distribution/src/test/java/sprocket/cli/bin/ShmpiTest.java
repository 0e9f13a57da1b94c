package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.libc.Strerror;

class ShmpiTest {

    private static final Pattern LINE = Pattern.compile(
            "shmpi: pi is approximately (\\d\\.\\d{10}) \\((\\d+) processes, (\\d+) intervals, (\\d+) cycles\\)\n");

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int shmpi(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "shmpi";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Shmpi().main(machine.process(), argv);
    }

    private Matcher line() {
        Matcher m = LINE.matcher(machine.out());
        assertThat(m.matches()).as(machine.out()).isTrue();
        return m;
    }

    @Test
    void four_processes_estimate_pi_to_within_1e_6_and_leave_no_segment_behind() {
        assertThat(shmpi("4", "100000")).as(machine.err()).isZero();
        Matcher m = line();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(Math.PI, Offset.offset(1e-9));
        assertThat(m.group(2)).isEqualTo("4");
        assertThat(m.group(3)).isEqualTo("100000");
        // The fake runs each child to completion in turn: the cycles are exactly the modelled FP work.
        assertThat(Long.parseLong(m.group(4))).isEqualTo(100000 * Pi.CYCLES_PER_INTERVAL);
        assertThat(machine.forks).isEqualTo(4);
        // HOWTO 2.5: the segment is detached by every process and removed with shmctl(IPC_RMID).
        assertThat(machine.removals).containsExactly("m100");
        assertThat(machine.segments).isEmpty();
        assertThat(machine.attachments).isZero();
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void the_strided_slices_cover_every_interval_exactly_once_whatever_the_process_count() {
        // Seven processes over ten intervals: some get two, some one; the total is still the serial midpoint sum.
        double serial = 0;
        for (int i = 0; i < 10; i++) {
            double x = (i + 0.5) / 10;
            serial += 4.0 / (1.0 + x * x);
        }
        serial /= 10;
        assertThat(shmpi("7", "10")).isZero();
        assertThat(line().group(1)).isEqualTo(String.format(Locale.ROOT, "%.10f", serial));
        assertThat(machine.forks).isEqualTo(7);
    }

    @Test
    void a_lost_partial_sum_fails_the_check_from_10000_intervals_on() {
        machine.lostDoubleStores = 1;
        assertThat(shmpi("2", "10000")).isEqualTo(1);
        // The estimate is still printed, then the complaint.
        assertThat(line().group(1)).startsWith("1.570");
        assertThat(machine.err()).startsWith("shmpi: the estimate is off by 1.57").endsWith(": a partial sum was lost\n");
        assertThat(machine.segments).isEmpty();
    }

    @Test
    void below_10000_intervals_the_estimate_is_not_judged() {
        // The midpoint rule's own error at 100 intervals is about 8e-6, above the 1e-6 tolerance.
        assertThat(shmpi("2", "100")).isZero();
        assertThat(Math.abs(Double.parseDouble(line().group(1)) - Math.PI)).isGreaterThan(1e-6);
    }

    @Test
    void a_failed_shmget_is_reported_and_nothing_is_forked() {
        machine.shmgetErrno = Errno.ENOSPC;
        assertThat(shmpi("4", "1000")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("shmpi: shmget: " + Strerror.strerror(Errno.ENOSPC) + "\n");
        assertThat(machine.forks).isZero();
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_failed_shmat_removes_the_segment_it_could_not_attach() {
        machine.shmatErrno = Errno.ENOMEM;
        assertThat(shmpi("4", "1000")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("shmpi: shmat: " + Strerror.strerror(Errno.ENOMEM) + "\n");
        assertThat(machine.removals).containsExactly("m100");
        assertThat(machine.forks).isZero();
    }

    @Test
    void when_fork_fails_the_children_started_are_reaped_and_the_segment_still_removed() {
        machine.maxProcesses = 3;
        assertThat(shmpi("4", "1000")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("shmpi: fork: " + Strerror.strerror(Errno.EAGAIN) + "\n");
        assertThat(machine.forks).isEqualTo(2);
        assertThat(machine.segments).isEmpty();
        assertThat(machine.attachments).isZero();
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_child_that_dies_is_named_and_the_status_is_1() {
        machine.killChildWith = Signals.SIGKILL;
        assertThat(shmpi("2", "1000")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("shmpi: pid 3 killed by SIGKILL\nshmpi: pid 4 killed by SIGKILL\n");
        assertThat(machine.segments).isEmpty();
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_wrong_operand_count_or_a_bad_number_is_a_usage_error_with_status_2() {
        assertThat(shmpi()).isEqualTo(2);
        assertThat(shmpi("4")).isEqualTo(2);
        assertThat(shmpi("4", "100", "1")).isEqualTo(2);
        assertThat(shmpi("0", "100")).isEqualTo(2);
        assertThat(shmpi("65", "100")).isEqualTo(2);
        assertThat(shmpi("4", "0")).isEqualTo(2);
        assertThat(shmpi("4", "2147483648")).isEqualTo(2);
        assertThat(shmpi("four", "100")).isEqualTo(2);
        assertThat(shmpi("-k", "0", "4", "100")).isEqualTo(2);
        assertThat(shmpi("-x", "4", "100")).isEqualTo(2);
        assertThat(machine.err()).startsWith("usage: shmpi [-k N] nproc intervals\n")
                .contains("shmpi: nproc must be 1 to 64 and intervals 1 to 2147483647\n");
        assertThat(machine.segments).isEmpty();
        assertThat(machine.forks).isZero();
    }
}
