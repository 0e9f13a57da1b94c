package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Sockets in flight on a booted kernel: a program that leaves a socket queued on itself, or a cycle of sockets each
 * queued on the other, and exits is legal, and the collector of sockets in flight (unp_gc) frees them, so the
 * kernel's end-of-run check (no socket, open file or pipe left) passes instead of panicking. A socket in flight that
 * a live socket's queue carries is not garbage and arrives intact.
 */
class SocketGcTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** sendmsg(2) of one byte with {@code fds} as SCM_RIGHTS; the call's result. */
    private static int pass(Sys sys, int over, int... fds) {
        Msghdr m = new Msghdr(bytes("x"), 0, 1);
        m.rights = fds;
        return sys.sendmsg(over, m, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_program_that_sends_a_socket_over_itself_and_exits_ends_without_panic(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            int[] sv = new int[2];
            if (sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv) != 0) return 1;
            // sv[1] is queued on its own receive buffer; exit closes both descriptors and nothing else holds it.
            int sent = pass(sys, sv[0], sv[1]);
            Sim.puts(sys, "sent " + sent);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("sent 1\n");
        assertThat(o.stats().counters()).containsEntry("sockets_collected", 1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {Socket.SOCK_STREAM, Socket.SOCK_DGRAM})
    void a_cycle_of_two_socketpairs_carrying_an_open_file_is_freed_when_the_program_closes_everything(int type) {
        var o = Sim.with().program("t", (sys, argv) -> {
            int f = sys.open("/tmp/carried", Fcntl.O_CREAT | Fcntl.O_RDWR, 0600);
            int[] a = new int[2];
            int[] b = new int[2];
            sys.socketpair(Socket.AF_UNIX, type, 0, a);
            sys.socketpair(Socket.AF_UNIX, type, 0, b);
            // b[1] rides on a[1]'s queue with the file, a[1] on b[1]'s: each keeps the other once closed.
            int one = pass(sys, a[0], b[1], f);
            int two = pass(sys, b[0], a[1]);
            for (int fd : new int[] {f, a[0], a[1], b[0], b[1]}) sys.close(fd);
            Sim.puts(sys, "sent " + one + " " + two);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("sent 1 1\n");
        assertThat(o.stats().counters()).containsEntry("sockets_collected", 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_socket_closed_by_its_sender_while_in_flight_to_a_child_arrives_intact(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            int[] carrier = new int[2];
            int[] inner = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, carrier);
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, inner);
            sys.write(inner[0], bytes("kept"), 0, 4);
            pass(sys, carrier[0], inner[1]);
            // Only the message holds inner[1] now, but carrier[1] is open: it is reachable, not garbage.
            sys.close(inner[1]);
            int c = sys.fork(s -> {
                s.close(carrier[0]);
                Msghdr m = new Msghdr(new byte[1], 0, 1);
                m.maxRights = 1;
                if (s.recvmsg(carrier[1], m, 0) != 1 || m.rights.length != 1) return 1;
                byte[] buf = new byte[8];
                int n = s.read(m.rights[0], buf, 0, buf.length);
                Sim.puts(s, "child read \"" + new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8) + "\"");
                s.close(m.rights[0]);
                return s.close(carrier[1]);
            });
            sys.close(carrier[1]);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            sys.close(carrier[0]);
            sys.close(inner[0]);
            Sim.puts(sys, "child " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("child read \"kept\"\nchild 0\n");
        assertThat(o.stats().counters()).doesNotContainKey("sockets_collected");
    }
}
