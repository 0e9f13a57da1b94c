package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.libc.Utmp;

/** who(1) over a utmp file: the USER_PROCESS entries, with their lines and login times. */
class WhoTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    /** A utmp file at {@code path} (times whose bytes are ASCII, as the fake file system stores text). */
    private void utmp(String path) {
        machine.files.file(path, ClockProgramsTest.utmp(
                new Utmp("", "", "system boot", 0, Utmp.BOOT_TIME, 0, 0, 0),
                new Utmp("ann", "sole", "console", 9, Utmp.USER_PROCESS, 0, 0, 86400 + 3600 + 120),
                new Utmp("carl", "tty1", "tty1", 11, Utmp.DEAD_PROCESS, 0, 0, 300),
                new Utmp("bob", "tty2", "tty2", 10, Utmp.USER_PROCESS, 0, 0, 0x300000)));
    }

    @Test
    void who_lists_the_users_logged_in_with_their_line_and_login_time() {
        // who(1): "who can list the user's name, terminal line, login time"; only USER_PROCESS entries are users.
        utmp("/var/adm/utmp");
        assertThat(Programs.run(machine, new Who())).isZero();
        assertThat(Programs.run(machine, new Who(), "-H")).isZero();
        assertThat(machine.out()).isEqualTo("""
                ann      console      Jan  2 01:02
                bob      tty2         Feb  6 09:48
                NAME     LINE         TIME
                ann      console      Jan  2 01:02
                bob      tty2         Feb  6 09:48
                """);
    }

    @Test
    void who_q_counts_them_and_a_file_operand_is_read_instead() {
        // who(1): "-q (quick who) display only the names and the number of users currently logged on".
        utmp("/tmp/old");
        assertThat(Programs.run(machine, new Who(), "-q", "/tmp/old")).isZero();
        assertThat(machine.out()).isEqualTo("ann bob\n# users=2\n");
    }

    @Test
    void without_utmp_who_reports_the_missing_file_and_a_bad_option_is_a_usage_error() {
        assertThat(Programs.run(machine, new Who())).isEqualTo(1);
        assertThat(Programs.run(machine, new Who(), "-x")).isEqualTo(2);
        assertThat(Programs.run(machine, new Who(), "a", "b")).isEqualTo(2);
        assertThat(machine.err()).startsWith("who: /var/adm/utmp: No such file or directory\n");
    }
}
