package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sprocket boot} with a script on standard input, typed at the console a line at a time: init's /etc/rc, a
 * login shell with job control on the console, and the machine halted when it exits, every process reaped (the
 * kernel's end-of-run invariants: no frame, descriptor, process or IPC object left). On both machines.
 */
class BootCommandTest {
    private static final String IRIX = Path.of("..", "configs", "irix-r2000.conf").toString();
    private static final String LINUX = Path.of("..", "configs", "linux-x86mps.conf").toString();

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void a_session_runs_a_pipeline_and_a_job_stopped_with_control_z_then_continued_with_bg_and_fg(String conf) {
        String config = conf.startsWith("irix") ? IRIX : LINUX;
        Invocation r = Invocation.typed("seq 5 | sort -r | head -2\nsleep 100\n\003sleep 50\n\032jobs\nbg\njobs\nfg\n"
                + "\003echo $?\nexit 7\n", "boot", "--no-stats", config);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("""
                # seq 5 | sort -r | head -2
                5
                4
                # sleep 100
                ^C
                # sleep 50
                ^Z[1] + Stopped                    sleep 50
                # jobs
                [1] + Stopped                    sleep 50
                # bg
                [1] sleep 50
                # jobs
                [1] + Running                    sleep 50
                # fg
                sleep 50
                ^C
                # echo $?
                130
                # exit 7
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void rc_makes_the_users_and_their_homes_and_su_asks_an_ordinary_user_for_the_password(String conf) {
        String config = conf.startsWith("irix") ? IRIX : LINUX;
        Invocation r = Invocation.typed("cut -d: -f1,3,4,6 /etc/passwd\nls -l /home\nmount | grep home\n"
                + "su alice -c 'id; su -c id'\nwrong\nsu - bob -c pwd\ntty; stty | head -1\n", "boot", "--no-stats",
                config);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("root:0:0:/\nalice:100:100:/home/alice\nbob:101:100:/home/bob\n")
                .contains("drwxr-xr-x   2 100      100            32 Jan  1 00:00 alice")
                .contains("home on /home type memfs")
                // The password typed is not echoed: su turns ECHO off while it reads it.
                .contains("uid=100(alice) gid=100(users) groups=100(users)\nPassword:\nsu: Sorry\n")
                .contains("/home/bob\n")
                .contains("/dev/console\nspeed 9600 baud;\n");
        assertThat(r.out()).doesNotContain("wrong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void end_of_input_leaves_the_shell_and_halts_the_machine(String conf) {
        String config = conf.startsWith("irix") ? IRIX : LINUX;
        Invocation r = Invocation.typed("sleep 1000 &\necho started\n", "boot", config);
        assertThat(r.status()).isZero();
        assertThat(r.out()).matches("# sleep 1000 &\n\\[1\\] \\d+\n# echo started\nstarted\n# ");
        assertThat(r.err()).contains("simulated time").contains("trace digest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void login_enters_the_user_in_utmp_who_lists_them_and_leaving_the_session_takes_them_out(String conf) {
        String config = conf.startsWith("irix") ? IRIX : LINUX;
        // login(1) writes the utmp entry, utmp(4): "USER_PROCESS"; who(1): "name, terminal line, login time"; at the
        // session's end the entry becomes DEAD_PROCESS and who lists nobody.
        Invocation r = Invocation.typed("date 010112002025\nlogin alice\nalice\nid\nwho\nwho am i\n"
                + "uptime | cut -d, -f2\nexit\necho $?\nwho -q\n", "boot", "--no-stats", config);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                # date 010112002025
                Wed Jan  1 12:00:00 UTC 2025
                # login alice
                Password:
                $ id
                uid=100(alice) gid=100(users) groups=100(users)
                $ who
                alice    console      Jan  1 12:00
                $ who am i
                alice    console      Jan  1 12:00
                $ uptime | cut -d, -f2
                  1 user
                $ exit
                # echo $?
                0
                # who -q

                # users=0
                #\s""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void a_background_job_a_signal_ends_is_reported_at_the_next_prompt_with_the_signals_words(String conf) {
        String config = conf.startsWith("irix") ? IRIX : LINUX;
        // XCU 2.11: "the shell shall write ... the status of ... jobs that have ... terminated ... before writing the
        // next prompt"; the words are strsignal's, as dash's job reports have them, and a stopped job killed with
        // SIGTERM is continued so it can end (ksh93's job_kill).
        Invocation r = Invocation.typed("sleep 100 &\nkill %1\nsleep 100 &\nkill -9 %1\nsleep 100 &\nkill -HUP %1\n"
                + "sleep 50\n\032kill %1\njobs\n", "boot", "--no-stats", config);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                # sleep 100 &
                [1] 14
                # kill %1
                [1] + Terminated                 sleep 100
                # sleep 100 &
                [1] 15
                # kill -9 %1
                [1] + Killed                     sleep 100
                # sleep 100 &
                [1] 16
                # kill -HUP %1
                [1] + Hangup                     sleep 100
                # sleep 50
                ^Z[1] + Stopped                    sleep 50
                # kill %1
                [1] + Terminated                 sleep 50
                # jobs
                #\s""");
    }
}
