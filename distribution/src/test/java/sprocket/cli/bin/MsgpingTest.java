package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MsgpingTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int msgping(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "msgping";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Msgping().main(machine.process(), argv);
    }

    @Test
    void rounds_that_are_not_a_number_from_1_to_a_million_are_a_usage_error_before_any_queue_is_made() {
        // FakeSys fails the test on msgget, so reaching it would show.
        assertThat(msgping("0")).isEqualTo(2);
        assertThat(msgping("1000001")).isEqualTo(2);
        assertThat(msgping("ten")).isEqualTo(2);
        assertThat(msgping("1", "2")).isEqualTo(2);
        assertThat(machine.err()).contains("msgping: rounds must be a number from 1 to 1000000\n")
                .contains("usage: msgping [rounds]\n");
        assertThat(machine.forks).isZero();
    }

    @Test
    void the_names_and_summaries_follow_the_other_programs() {
        for (var p : new sprocket.api.sys.Program[] {new Ipcs(), new Ipcrm(), new Msgping()}) {
            assertThat(p.name()).isEqualTo(p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            assertThat(p.summary()).startsWith(p.name() + " ");
        }
    }
}
