package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.ECONNRESET;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/**
 * The collector of sockets in flight (unp_gc): "a socket whose only references are from in-flight messages of
 * unreachable sockets is garbage; its queued messages are discarded (releasing the files they hold)", and a socket
 * still reachable from a descriptor is left alone, whatever it carries. Each socket is behind an open-file entry like
 * the kernel's, whose references the collector counts.
 */
class UnixGcTest {

    private final FakeKernel kernel = new FakeKernel();
    private final Ipc ipc = new SysvIpcProvider().create(kernel.context());

    private FakeEntry[] pair(int type) {
        return entries(ipc.socketpair(Socket.AF_UNIX, type, 0));
    }

    private static FakeEntry[] entries(SocketFile[] p) {
        return new FakeEntry[] {new FakeEntry(p[0], Fcntl.O_RDWR), new FakeEntry(p[1], Fcntl.O_RDWR)};
    }

    private static SocketFile so(FakeEntry e) {
        return (SocketFile) e.ops();
    }

    /** sendmsg(2) with SCM_RIGHTS as the kernel does it: each file held once for the message. */
    private static void pass(FakeEntry over, String text, OpenFile... files) {
        List<OpenFile> rights = files.length == 0 ? null : new ArrayList<>();
        for (OpenFile f : files) {
            f.hold();
            rights.add(f);
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(so(over).send(b, 0, b.length, 0, null, rights)).isEqualTo(b.length);
    }

    /** recvmsg(2): the text, and the files that came with it into {@code got}. */
    private static String receive(FakeEntry from, List<OpenFile> got) {
        byte[] b = new byte[64];
        int n = FakeEntry.call(() -> so(from).receive(b, 0, b.length, Socket.MSG_DONTWAIT, null, got, null));
        return n < 0 ? "-" + -n : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {Socket.SOCK_STREAM, Socket.SOCK_DGRAM})
    void a_socket_sent_over_itself_and_closed_is_freed(int type) {
        FakeEntry[] p = pair(type);
        // p[1] goes to p[1]'s own receive queue: after both closes, only that message holds it.
        pass(p[0], "self", p[1]);
        p[0].release();
        assertThat(ipc.liveSockets()).isEqualTo(1);
        p[1].release();
        assertThat(p[1].references()).isZero();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void two_socketpairs_each_carrying_the_other_s_end_are_freed() {
        FakeEntry[] one = pair(Socket.SOCK_STREAM);
        FakeEntry[] two = pair(Socket.SOCK_DGRAM);
        pass(one[0], "to one", two[1]);
        pass(two[0], "to two", one[1]);
        one[0].release();
        two[0].release();
        one[1].release();
        // one[1] is queued on two[1], which a descriptor still holds: nothing is garbage yet.
        assertThat(ipc.liveSockets()).isEqualTo(2);
        two[1].release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void a_socket_in_flight_that_is_still_reachable_is_not_freed_and_is_received_intact_later() {
        FakeEntry[] rx = pair(Socket.SOCK_STREAM);
        FakeEntry[] mid = pair(Socket.SOCK_DGRAM);
        FakeEntry[] far = pair(Socket.SOCK_STREAM);
        // A chain: far[0] queued on mid[1], mid[1] queued on rx[1], whose descriptor stays open.
        pass(far[1], "hello", far[0]);
        pass(mid[0], "carries far", far[0]);
        pass(rx[0], "carries mid", mid[1]);
        far[0].release();
        mid[1].release();
        mid[0].release();
        rx[0].release();
        assertThat(ipc.liveSockets()).isEqualTo(4);

        List<OpenFile> got = new ArrayList<>();
        assertThat(receive(rx[1], got)).isEqualTo("carries mid");
        assertThat(got).containsExactly(mid[1]);
        got.clear();
        assertThat(receive(mid[1], got)).isEqualTo("carries far");
        assertThat(got).containsExactly(far[0]);
        got.clear();
        // far[0] kept what its peer sent it before it went in flight, the passed reference to itself included.
        assertThat(receive(far[0], got)).isEqualTo("hello");
        assertThat(got).containsExactly(far[0]);
        assertThat(far[0].references()).isEqualTo(2);
        far[0].release();
        for (FakeEntry s : new FakeEntry[] {rx[1], mid[1], far[0], far[1]}) s.release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void regular_files_in_flight_on_garbage_sockets_are_released() {
        FakeEntry[] p = pair(Socket.SOCK_DGRAM);
        FakeEntry file = FakeEntry.file();
        PipeEnds ends = ipc.pipe();
        FakeEntry readEnd = new FakeEntry(ends.readEnd(), Fcntl.O_RDONLY);
        FakeEntry writeEnd = new FakeEntry(ends.writeEnd(), Fcntl.O_WRONLY);
        pass(p[0], "the file", file);
        pass(p[0], "the socket", p[1], writeEnd);
        pass(p[0], "plain", new OpenFile[0]);
        file.release();
        writeEnd.release();
        assertThat(file.references()).isEqualTo(1);
        p[0].release();
        p[1].release();
        assertThat(ipc.liveSockets()).isZero();
        assertThat(file.references()).isZero();
        assertThat(readEnd.references()).isEqualTo(1);
        readEnd.release();
        assertThat(ipc.livePipes()).isZero();
    }

    @Test
    void a_listener_carried_only_by_a_connection_it_never_accepted_is_garbage_and_the_connection_is_reset() {
        FakeEntry listener = new FakeEntry(ipc.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0), Fcntl.O_RDWR);
        so(listener).bind(new SockAddrUn("/tmp/l"));
        so(listener).listen(1);
        FakeEntry client = new FakeEntry(ipc.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0), Fcntl.O_RDWR);
        so(client).connect(new SockAddrUn("/tmp/l"), 0);
        // The listener rides in the queue of its own unaccepted connection (Linux scan_children scans embryos).
        pass(client, "you", listener);
        assertThat(ipc.liveSockets()).isEqualTo(3);
        listener.release();
        // Nobody can accept the connection any more, so nobody can receive the listener: both go, as a listener's
        // close takes its unaccepted connections with it, and the connector sees the reset.
        assertThat(ipc.liveSockets()).isEqualTo(1);
        assertThat(receive(client, null)).isEqualTo("-" + ECONNRESET);
        client.release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void a_peeked_socket_lives_while_the_peeker_holds_it() {
        FakeEntry[] p = pair(Socket.SOCK_STREAM);
        pass(p[0], "x", p[1]);
        p[0].release();
        List<OpenFile> got = new ArrayList<>();
        byte[] b = new byte[1];
        assertThat(so(p[1]).receive(b, 0, 1, Socket.MSG_PEEK, null, got, null)).isEqualTo(1);
        p[1].release();
        // The peek gave the caller a reference of its own: not every reference is a message in flight.
        assertThat(ipc.liveSockets()).isEqualTo(1);
        got.get(0).release();
        assertThat(ipc.liveSockets()).isZero();
    }

    /**
     * Random sends, receives and closes over socketpairs, checked after every step against a model: a socket lives
     * exactly when a descriptor holds it or a message queued on a living socket carries it.
     */
    @Test
    void after_every_close_exactly_the_sockets_reachable_from_a_descriptor_live() {
        for (long seed = 1; seed <= 40; seed++) {
            FakeKernel k = new FakeKernel();
            Ipc set = new SysvIpcProvider().create(k.context());
            SplittableRandom random = new SplittableRandom(seed);
            int pairs = 2 + random.nextInt(4);
            FakeEntry[] socks = new FakeEntry[2 * pairs];
            int[] fds = new int[socks.length];
            List<List<Integer>> queues = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                int type = random.nextBoolean() ? Socket.SOCK_STREAM : Socket.SOCK_DGRAM;
                FakeEntry[] p = entries(set.socketpair(Socket.AF_UNIX, type, 0));
                socks[2 * i] = p[0];
                socks[2 * i + 1] = p[1];
                fds[2 * i] = fds[2 * i + 1] = 1;
                queues.add(new ArrayList<>());
                queues.add(new ArrayList<>());
            }
            for (int step = 0; step < 60; step++) {
                boolean[] alive = reachable(fds, queues);
                int x = random.nextInt(socks.length);
                if (fds[x] == 0) continue;
                int op = random.nextInt(3);
                if (op == 0 && alive[x ^ 1]) {
                    int y;
                    do {
                        y = random.nextInt(socks.length);
                    } while (fds[y] == 0);
                    socks[y].hold();
                    List<OpenFile> rights = new ArrayList<>(List.of(socks[y]));
                    assertThat(so(socks[x]).send(new byte[] {(byte) y}, 0, 1, 0, null, rights)).isEqualTo(1);
                    queues.get(x ^ 1).add(y);
                } else if (op == 1 && !queues.get(x).isEmpty()) {
                    List<OpenFile> got = new ArrayList<>();
                    byte[] b = new byte[1];
                    assertThat(so(socks[x]).receive(b, 0, 1, 0, null, got, null)).isEqualTo(1);
                    int y = queues.get(x).remove(0);
                    assertThat(b[0]).isEqualTo((byte) y);
                    assertThat(got).containsExactly(socks[y]);
                    fds[y]++;
                } else {
                    socks[x].release();
                    fds[x]--;
                }
                alive = reachable(fds, queues);
                int expected = 0;
                for (int i = 0; i < socks.length; i++) {
                    if (alive[i]) expected++;
                    assertThat(socks[i].references() > 0).as("seed %d step %d socket %d", seed, step, i)
                            .isEqualTo(alive[i]);
                }
                assertThat(set.liveSockets()).as("seed %d step %d", seed, step).isEqualTo(expected);
                // A socket that went keeps nothing in the model either.
                for (int i = 0; i < socks.length; i++) if (!alive[i]) queues.get(i).clear();
            }
            for (int i = 0; i < socks.length; i++) {
                while (fds[i] > 0) {
                    socks[i].release();
                    fds[i]--;
                }
            }
            assertThat(set.liveSockets()).as("seed %d at the end", seed).isZero();
        }
    }

    /** The model: sockets a descriptor holds, and whatever the queues of living sockets carry, transitively. */
    private static boolean[] reachable(int[] fds, List<List<Integer>> queues) {
        boolean[] alive = new boolean[fds.length];
        ArrayList<Integer> work = new ArrayList<>();
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] > 0) {
                alive[i] = true;
                work.add(i);
            }
        }
        while (!work.isEmpty()) {
            int s = work.remove(work.size() - 1);
            for (int carried : queues.get(s)) {
                if (!alive[carried]) {
                    alive[carried] = true;
                    work.add(carried);
                }
            }
        }
        return alive;
    }
}
