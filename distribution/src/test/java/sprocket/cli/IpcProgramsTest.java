package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** msgping, shmpi, ipcs and ipcrm run by {@code sprocket run} against the real kernel and IPC module, in process. */
class IpcProgramsTest {

    private static final Pattern MSGPING = Pattern.compile("msgping: (\\d+) rounds, (\\d+) cycles per round trip\n");
    private static final Pattern SHMPI = Pattern.compile(
            "shmpi: pi is approximately (\\d\\.\\d+) \\((\\d+) processes, (\\d+) intervals, (\\d+) cycles\\)\n");

    @Test
    void msgping_plays_100_rounds_over_a_message_queue_on_either_machine_and_exits_0() {
        for (String config : new String[] {RunCommandTest.IRIX, RunCommandTest.LINUX}) {
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "msgping", "100");
            assertThat(r.status()).as(r.err()).isZero();
            Matcher m = MSGPING.matcher(r.out());
            assertThat(m.matches()).as(r.out()).isTrue();
            assertThat(m.group(1)).isEqualTo("100");
            // A round trip is two sends, two receives and at least two context switches: never free.
            assertThat(Long.parseLong(m.group(2))).isPositive();
        }
    }

    @Test
    void msgping_on_one_cpu_repeats_exactly() {
        Invocation a = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", RunCommandTest.IRIX, "msgping", "50");
        Invocation b = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", RunCommandTest.IRIX, "msgping", "50");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void shmpi_with_4_processes_and_100000_intervals_prints_pi_to_6_decimals_on_either_machine_and_exits_0() {
        for (String config : new String[] {RunCommandTest.IRIX, RunCommandTest.LINUX}) {
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "shmpi", "4", "100000");
            assertThat(r.status()).as(r.out() + r.err()).isZero();
            Matcher m = SHMPI.matcher(r.out());
            assertThat(m.matches()).as(r.out()).isTrue();
            assertThat(m.group(1)).startsWith("3.141592");
            assertThat(Math.abs(Double.parseDouble(m.group(1)) - Math.PI)).isLessThan(1e-6);
            assertThat(m.group(2)).isEqualTo("4");
            assertThat(m.group(3)).isEqualTo("100000");
            // Four CPUs share 100000 intervals of 20 cycles: more than a quarter of the serial work, never free.
            assertThat(Long.parseLong(m.group(4))).isGreaterThan(100000L * 20 / 4);
        }
    }

    @Test
    void shmpi_with_more_processes_than_cpus_still_loses_no_partial_sum() {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=2", RunCommandTest.LINUX, "shmpi",
                "6", "20000");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        Matcher m = SHMPI.matcher(r.out());
        assertThat(m.matches()).as(r.out()).isTrue();
        assertThat(Math.abs(Double.parseDouble(m.group(1)) - Math.PI)).isLessThan(1e-6);
    }

    @Test
    void shmpi_on_one_cpu_repeats_exactly() {
        Invocation a = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", RunCommandTest.IRIX, "shmpi", "3", "30000");
        Invocation b = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", RunCommandTest.IRIX, "shmpi", "3", "30000");
        assertThat(a.status()).as(a.out() + a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void ipcs_on_a_fresh_system_prints_the_headings_and_no_rows() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "ipcs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).matches("IPC status from <running system> as of Thu Jan  1 00:00:\\d\\d 1970\n"
                + "T +ID +KEY +MODE +OWNER +GROUP CBYTES  QNUM QBYTES\nMessage Queues:\n"
                + "T +ID +KEY +MODE +OWNER +GROUP NATTCH  SEGSZ\nShared Memory:\n"
                + "T +ID +KEY +MODE +OWNER +GROUP NSEMS\nSemaphores:\n");
    }

    @Test
    void ipcrm_of_an_object_that_does_not_exist_says_not_found_and_exits_1() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.LINUX, "ipcrm", "-q", "0", "-S", "1234",
                "-m", "0", "-M", "0x4d2");
        assertThat(r.status()).isEqualTo(1);
        // The program's standard error is the console too, which the command copies to its standard output.
        assertThat(r.out()).isEqualTo("ipcrm: msqid(0): not found\nipcrm: semkey(1234): not found\n"
                + "ipcrm: shmid(0): not found\nipcrm: shmkey(1234): not found\n");
    }

    @Test
    void pipeline_passes_every_record_in_order_and_the_consumer_sees_end_of_file_on_either_machine() {
        for (String config : new String[] {RunCommandTest.IRIX, RunCommandTest.LINUX}) {
            // 300 records of 700 bytes: more than a pipe holds, so both sides block and wake many times.
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "pipeline", "300", "700");
            assertThat(r.status()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("pipeline: 300 records of 700 bytes passed in order, ");
        }
    }
}
