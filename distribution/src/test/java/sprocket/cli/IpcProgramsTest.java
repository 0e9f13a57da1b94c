package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** msgping, ipcs and ipcrm run by {@code sprocket run} against the real kernel and IPC module, in process. */
class IpcProgramsTest {

    private static final Pattern MSGPING = Pattern.compile("msgping: (\\d+) rounds, (\\d+) cycles per round trip\n");

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
    void ipcs_on_a_fresh_system_prints_the_headings_and_no_rows() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "ipcs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).matches("IPC status from <running system> as of Thu Jan  1 00:00:\\d\\d 1970\n"
                + "T +ID +KEY +MODE +OWNER +GROUP CBYTES  QNUM QBYTES\nMessage Queues:\n"
                + "Shared Memory facility not in system\\.\n"
                + "T +ID +KEY +MODE +OWNER +GROUP NSEMS\nSemaphores:\n");
    }

    @Test
    void ipcrm_of_an_object_that_does_not_exist_says_not_found_and_exits_1() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.LINUX, "ipcrm", "-q", "0", "-S", "1234");
        assertThat(r.status()).isEqualTo(1);
        // The program's standard error is the console too, which the command copies to its standard output.
        assertThat(r.out()).isEqualTo("ipcrm: msqid(0): not found\nipcrm: semkey(1234): not found\n");
    }
}
