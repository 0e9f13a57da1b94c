package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** echoserver, echoclient and fdpass run by {@code sprocket run} against the real kernel and IPC module, in process. */
class SocketProgramsTest {

    @Test
    void echoserver_serves_its_own_clients_on_af_unix_and_loopback_tcp_on_either_machine_and_exits_0() {
        for (String config : new String[] {RunCommandTest.IRIX, RunCommandTest.LINUX}) {
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "echoserver", "-n", "3");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("echoserver: listening on AF_UNIX /tmp/echo.sock\n")
                    .contains("echoserver: AF_UNIX served 3 clients\n")
                    .containsPattern("echoserver: listening on AF_INET port \\d+\n")
                    .contains("echoserver: AF_INET served 3 clients\n");
            assertThat(r.out().lines().filter(l -> l.matches("echoclient \\d+: 3 lines echoed over AF_UNIX .*")))
                    .hasSize(3);
            assertThat(r.out().lines().filter(l -> l.matches("echoclient \\d+: 3 lines echoed over AF_INET 127.0.0.1:\\d+")))
                    .hasSize(3);
        }
    }

    @Test
    void echoclient_with_nobody_listening_reports_connection_refused_and_exits_1() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "echoclient", "inet", "9");
        assertThat(r.status()).isEqualTo(1);
        // The simulated standard error is the console too, which `sprocket run` writes to its standard output.
        assertThat(r.out()).contains("echoclient: connect 127.0.0.1:9: Connection refused\n");
        // Another host's address is taken as inet_addr(3N) reads it, and the loopback-only network refuses it.
        Invocation away = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "echoclient", "inet", "10.0.0.1:7");
        assertThat(away.status()).isEqualTo(1);
        assertThat(away.out()).contains("echoclient: connect 10.0.0.1:7: Network is unreachable\n");
        Invocation bad = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "echoclient", "inet", "10.0.0:70000");
        assertThat(bad.status()).isEqualTo(2);
    }

    @Test
    void fdpass_child_reads_the_file_its_server_opened_through_the_passed_descriptor() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.LINUX, "fdpass");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).matches("fdpass: server \\d+ opened /tmp/fdpass.txt as fd \\d+ and sent it\n"
                + "fdpass: child \\d+ received fd \\d+ and read: opened by the server, read by its child\n");
        Invocation missing = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "fdpass", "/tmp/none");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).contains("the server could not open /tmp/none: No such file or directory");
    }
}
