package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.ECONNREFUSED;
import static sprocket.api.Errno.ECONNRESET;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EPERM;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.SocketFile;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/** The socket layer against a fake kernel and name space: buffers, sleeping, names, ports, passed files, counts. */
class SocketLayerTest {

    private final FakeKernel kernel = new FakeKernel();
    private final Ipc ipc = new SysvIpcProvider().create(kernel.context());

    private SocketFile socket(int domain, int type) {
        return ipc.socket(domain, type, 0);
    }

    private SocketFile[] pair(int type) {
        return ipc.socketpair(Socket.AF_UNIX, type, 0);
    }

    /** The call's value, 0 for one that returns nothing, or the negated errno it failed with. */
    private static int call(Runnable call) {
        return FakeEntry.call(() -> {
            call.run();
            return 0;
        });
    }

    private static int send(SocketFile s, byte[] b, int len, SockAddr to, List<OpenFile> rights) {
        return FakeEntry.call(() -> s.send(b, 0, len, 0, to, rights));
    }

    private static int receive(SocketFile s, int len, int flags, List<OpenFile> rights) {
        return FakeEntry.call(() -> s.receive(new byte[len], 0, len, flags, null, rights, null));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(SocketFile s, int len, List<OpenFile> rights) {
        byte[] b = new byte[len];
        int n = FakeEntry.call(() -> s.receive(b, 0, len, 0, null, rights, null));
        return n < 0 ? "-" + n : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void a_sender_that_fills_the_peer_s_buffer_sleeps_until_the_reader_makes_room() {
        SocketFile[] p = pair(Socket.SOCK_STREAM);
        int size = (int) (long) kernel.tunables.get("ipc.sockbuf");
        byte[] big = new byte[size + 100];
        // The buffer takes `size` bytes; the sender sleeps, the reader takes 100, and the rest goes in.
        kernel.thenOther(() -> assertThat(p[1].read(new byte[100], 0, 100, 0)).isEqualTo(100));
        assertThat(p[0].write(big, 0, big.length, 0)).isEqualTo(big.length);
        assertThat(kernel.allSleepsUsed()).isTrue();
        assertThat(p[0].stat().type()).isEqualTo(FileMode.S_IFSOCK);
        p[0].close();
        p[1].close();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void passed_files_ride_with_the_bytes_of_their_send_and_a_read_stops_after_them() {
        SocketFile[] p = pair(Socket.SOCK_STREAM);
        FakeEntry passed = new FakeEntry(ipc.pipe().readEnd(), Fcntl.O_RDONLY);
        passed.hold();
        send(p[0], bytes("before"), 6, null, null);
        send(p[0], bytes("with"), 4, null, new ArrayList<>(List.of(passed)));
        send(p[0], bytes("after"), 5, null, null);
        List<OpenFile> got = new ArrayList<>();
        // The first read takes "before" and "with" and stops there, with the file: never past the send it came in.
        assertThat(read(p[1], 64, got)).isEqualTo("beforewith");
        assertThat(got).containsExactly(passed);
        got.clear();
        assertThat(read(p[1], 64, got)).isEqualTo("after");
        assertThat(got).isEmpty();
        assertThat(passed.references()).isEqualTo(2);
    }

    @Test
    void peeking_at_passed_files_holds_them_again_and_closing_with_them_unread_releases_them() {
        SocketFile[] p = pair(Socket.SOCK_DGRAM);
        FakeEntry passed = new FakeEntry(ipc.pipe().readEnd(), Fcntl.O_RDONLY);
        passed.hold();
        assertThat(send(p[0], bytes("x"), 1, null, new ArrayList<>(List.of(passed)))).isEqualTo(1);
        List<OpenFile> got = new ArrayList<>();
        assertThat(receive(p[1], 1, Socket.MSG_PEEK, got)).isEqualTo(1);
        assertThat(got).containsExactly(passed);
        assertThat(passed.references()).isEqualTo(3);
        got.get(0).release();
        // Nobody reads the datagram: the receiver's close lets go of the reference the message held.
        p[1].close();
        assertThat(passed.references()).isEqualTo(1);
        p[0].close();
    }

    @Test
    void binding_makes_a_socket_node_with_the_umask_applied_and_connecting_needs_write_permission_on_it() {
        SocketFile server = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        assertThat(call(() -> server.bind(new SockAddrUn("/tmp/s")))).isZero();
        assertThat(call(() -> server.listen(5))).isZero();
        assertThat(kernel.names.nodes.get("/tmp/s").mode).isEqualTo(FileMode.S_IFSOCK | 0755);
        SocketFile client = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        // unix(7): "Connecting to a stream socket object requires write permission on that socket."
        Credentials other = new Credentials(7, 7, 7, 7, 022);
        kernel.as(43, other, () -> assertThat(call(() -> client.connect(new SockAddrUn("/tmp/s"), 0)))
                .isEqualTo(-EACCES));
        assertThat(call(() -> client.connect(new SockAddrUn("/tmp/s"), 0))).isZero();
        // A regular file at the path is no socket: ECONNREFUSED.
        kernel.names.file("/tmp/f", FileMode.S_IFREG | 0666);
        SocketFile third = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        assertThat(call(() -> third.connect(new SockAddrUn("/tmp/f"), 0))).isEqualTo(-ECONNREFUSED);
        server.close();
        // The name stays, but names nothing now.
        assertThat(kernel.names.nodes).containsKey("/tmp/s");
        assertThat(call(() -> third.connect(new SockAddrUn("/tmp/s"), 0))).isEqualTo(-ECONNREFUSED);
        // The connection the listener never accepted was reset with it.
        assertThat(read(client, 8, null)).isEqualTo("-" + -ECONNRESET);
        assertThat(read(client, 8, null)).isEmpty();
        client.close();
        third.close();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void a_signal_interrupts_a_blocked_accept_and_a_connector_waiting_for_backlog_room() {
        SocketFile server = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        server.bind(SockAddrIn.any(7000));
        server.listen(1);
        kernel.thenSignal();
        assertThat(call(() -> server.accept(null, 0))).isEqualTo(-EINTR);
        SocketFile a = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        SocketFile b = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        assertThat(call(() -> a.connect(SockAddrIn.loopback(7000), 0))).isZero();
        kernel.thenSignal();
        assertThat(call(() -> b.connect(SockAddrIn.loopback(7000), 0))).isEqualTo(-EINTR);
        // With room made by an accept while it sleeps, the connector gets in.
        SocketFile[] accepted = new SocketFile[1];
        kernel.thenOther(() -> accepted[0] = server.accept(null, 0));
        assertThat(call(() -> b.connect(SockAddrIn.loopback(7000), 0))).isZero();
        assertThat(accepted[0].peername()).isEqualTo(a.sockname());
        for (SocketFile s : new SocketFile[] {server, a, b, accepted[0]}) s.close();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void ephemeral_ports_are_handed_out_in_order_from_1024_skipping_taken_ones() {
        SocketFile held = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        held.bind(SockAddrIn.any(1025));
        List<Integer> ports = new ArrayList<>();
        List<SocketFile> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SocketFile s = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
            s.bind(SockAddrIn.any(0));
            ports.add(((SockAddrIn) s.sockname()).port());
            all.add(s);
        }
        assertThat(ports).containsExactly(1024, 1026, 1027);
        all.forEach(SocketFile::close);
        held.close();
    }

    @Test
    void udp_drops_what_finds_no_room_while_an_af_unix_sender_sleeps_for_it() {
        int size = (int) (long) kernel.tunables.get("ipc.sockbuf");
        SocketFile rx = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        assertThat(call(() -> rx.bind(SockAddrIn.loopback(5353)))).isZero();
        SocketFile tx = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        byte[] half = new byte[size / 2 + 1];
        SockAddr to = SockAddrIn.loopback(5353);
        assertThat(send(tx, half, half.length, to, null)).isEqualTo(half.length);
        // No room for a second: UDP reports it sent, and the datagram is lost.
        assertThat(send(tx, half, half.length, to, null)).isEqualTo(half.length);
        assertThat(receive(rx, size, 0, null)).isEqualTo(half.length);
        assertThat(receive(rx, size, Socket.MSG_DONTWAIT, null)).isEqualTo(-EAGAIN);

        SocketFile[] p = pair(Socket.SOCK_DGRAM);
        assertThat(send(p[0], half, half.length, null, null)).isEqualTo(half.length);
        kernel.thenOther(() -> p[1].receive(new byte[size], 0, size, 0, null, null, null));
        assertThat(send(p[0], half, half.length, null, null)).isEqualTo(half.length);
        assertThat(kernel.allSleepsUsed()).isTrue();
        // A third socket may not send to one connected elsewhere (Linux: EPERM).
        SocketFile named = socket(Socket.AF_UNIX, Socket.SOCK_DGRAM);
        named.bind(new SockAddrUn("/tmp/d"));
        SocketFile[] q = pair(Socket.SOCK_DGRAM);
        assertThat(call(() -> named.connect(new SockAddrUn("/tmp/d"), 0))).isZero();
        assertThat(send(q[0], half, 1, new SockAddrUn("/tmp/d"), null)).isEqualTo(-EPERM);
        for (SocketFile s : new SocketFile[] {rx, tx, p[0], p[1], named, q[0], q[1]}) s.close();
        assertThat(ipc.liveSockets()).isZero();
    }
}
