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
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.SocketFile;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/** The socket layer against a fake kernel and name space: buffers, sleeping, names, ports, passed files, counts. */
class SocketLayerTest {

    private final FakeKernel kernel = new FakeKernel();
    private final Ipc ipc = new SysvIpcProvider().create(kernel.context());

    private Lookup at() {
        return new Lookup(null, null, kernel.credentials());
    }

    private SocketFile socket(int domain, int type) {
        SocketFile s = ipc.socket(domain, type, 0, new int[1]);
        assertThat(s).isNotNull();
        return s;
    }

    private SocketFile[] pair(int type) {
        SocketFile[] p = new SocketFile[2];
        assertThat(ipc.socketpair(Socket.AF_UNIX, type, 0, p)).isZero();
        return p;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(SocketFile s, int len, List<OpenFile> rights) {
        byte[] b = new byte[len];
        int n = s.receive(b, 0, len, 0, null, rights, null);
        return n < 0 ? "-" + n : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void a_sender_that_fills_the_peer_s_buffer_sleeps_until_the_reader_makes_room() {
        SocketFile[] p = pair(Socket.SOCK_STREAM);
        int size = (int) (long) kernel.tunables.get("ipc.sockbuf");
        byte[] big = new byte[size + 100];
        // The buffer takes `size` bytes; the sender sleeps, the reader takes 100, and the rest goes in.
        kernel.thenOther(() -> assertThat(p[1].read(new byte[100], 0, 100)).isEqualTo(100));
        assertThat(p[0].write(big, 0, big.length)).isEqualTo(big.length);
        assertThat(kernel.allSleepsUsed()).isTrue();
        assertThat(p[0].stat().type()).isEqualTo(FileMode.S_IFSOCK);
        p[0].release();
        p[1].release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void passed_files_ride_with_the_bytes_of_their_send_and_a_read_stops_after_them() {
        SocketFile[] p = pair(Socket.SOCK_STREAM);
        OpenFile passed = ipc.pipe().readEnd();
        passed.hold();
        p[0].send(bytes("before"), 0, 6, 0, at(), null, null);
        p[0].send(bytes("with"), 0, 4, 0, at(), null, new ArrayList<>(List.of(passed)));
        p[0].send(bytes("after"), 0, 5, 0, at(), null, null);
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
        OpenFile passed = ipc.pipe().readEnd();
        passed.hold();
        assertThat(p[0].send(bytes("x"), 0, 1, 0, at(), null, new ArrayList<>(List.of(passed)))).isEqualTo(1);
        List<OpenFile> got = new ArrayList<>();
        assertThat(p[1].receive(new byte[1], 0, 1, Socket.MSG_PEEK, null, got, null)).isEqualTo(1);
        assertThat(got).containsExactly(passed);
        assertThat(passed.references()).isEqualTo(3);
        got.get(0).release();
        // Nobody reads the datagram: the receiver's close lets go of the reference the message held.
        p[1].release();
        assertThat(passed.references()).isEqualTo(1);
        p[0].release();
    }

    @Test
    void binding_makes_a_socket_node_with_the_umask_applied_and_connecting_needs_write_permission_on_it() {
        SocketFile server = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        assertThat(server.bind(at(), new SockAddrUn("/tmp/s"))).isZero();
        assertThat(server.listen(5)).isZero();
        assertThat(kernel.names.nodes.get("/tmp/s").mode()).isEqualTo(FileMode.S_IFSOCK | 0755);
        SocketFile client = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        // unix(7): "Connecting to a stream socket object requires write permission on that socket."
        Credentials other = new Credentials(7, 7, 7, 7, 022);
        kernel.as(43, other, () -> assertThat(client.connect(new Lookup(null, null, other), new SockAddrUn("/tmp/s")))
                .isEqualTo(-EACCES));
        assertThat(client.connect(at(), new SockAddrUn("/tmp/s"))).isZero();
        // A regular file at the path is no socket: ECONNREFUSED.
        kernel.names.file("/tmp/f", FileMode.S_IFREG | 0666);
        SocketFile third = socket(Socket.AF_UNIX, Socket.SOCK_STREAM);
        assertThat(third.connect(at(), new SockAddrUn("/tmp/f"))).isEqualTo(-ECONNREFUSED);
        server.release();
        // The name stays, but names nothing now.
        assertThat(kernel.names.nodes).containsKey("/tmp/s");
        assertThat(third.connect(at(), new SockAddrUn("/tmp/s"))).isEqualTo(-ECONNREFUSED);
        // The connection the listener never accepted was reset with it.
        assertThat(read(client, 8, null)).isEqualTo("-" + -ECONNRESET);
        assertThat(read(client, 8, null)).isEmpty();
        client.release();
        third.release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void a_signal_interrupts_a_blocked_accept_and_a_connector_waiting_for_backlog_room() {
        SocketFile server = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        server.bind(at(), SockAddrIn.any(7000));
        server.listen(1);
        int[] errno = new int[1];
        kernel.thenSignal();
        assertThat(server.accept(null, errno)).isNull();
        assertThat(errno[0]).isEqualTo(EINTR);
        SocketFile a = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        SocketFile b = socket(Socket.AF_INET, Socket.SOCK_STREAM);
        assertThat(a.connect(at(), SockAddrIn.loopback(7000))).isZero();
        kernel.thenSignal();
        assertThat(b.connect(at(), SockAddrIn.loopback(7000))).isEqualTo(-EINTR);
        // With room made by an accept while it sleeps, the connector gets in.
        SocketFile[] accepted = new SocketFile[1];
        kernel.thenOther(() -> accepted[0] = server.accept(null, new int[1]));
        assertThat(b.connect(at(), SockAddrIn.loopback(7000))).isZero();
        assertThat(accepted[0].peername()).isEqualTo(a.sockname());
        for (SocketFile s : new SocketFile[] {server, a, b, accepted[0]}) s.release();
        assertThat(ipc.liveSockets()).isZero();
    }

    @Test
    void ephemeral_ports_are_handed_out_in_order_from_1024_skipping_taken_ones() {
        SocketFile held = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        held.bind(at(), SockAddrIn.any(1025));
        List<Integer> ports = new ArrayList<>();
        List<SocketFile> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SocketFile s = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
            s.bind(at(), SockAddrIn.any(0));
            ports.add(((SockAddrIn) s.sockname()).port());
            all.add(s);
        }
        assertThat(ports).containsExactly(1024, 1026, 1027);
        all.forEach(SocketFile::release);
        held.release();
    }

    @Test
    void udp_drops_what_finds_no_room_while_an_af_unix_sender_sleeps_for_it() {
        int size = (int) (long) kernel.tunables.get("ipc.sockbuf");
        SocketFile rx = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        assertThat(rx.bind(at(), SockAddrIn.loopback(5353))).isZero();
        SocketFile tx = socket(Socket.AF_INET, Socket.SOCK_DGRAM);
        byte[] half = new byte[size / 2 + 1];
        SockAddr to = SockAddrIn.loopback(5353);
        assertThat(tx.send(half, 0, half.length, 0, at(), to, null)).isEqualTo(half.length);
        // No room for a second: UDP reports it sent, and the datagram is lost.
        assertThat(tx.send(half, 0, half.length, 0, at(), to, null)).isEqualTo(half.length);
        assertThat(rx.receive(new byte[size], 0, size, 0, null, null, null)).isEqualTo(half.length);
        assertThat(rx.receive(new byte[size], 0, size, Socket.MSG_DONTWAIT, null, null, null)).isEqualTo(-EAGAIN);

        SocketFile[] p = pair(Socket.SOCK_DGRAM);
        assertThat(p[0].send(half, 0, half.length, 0, at(), null, null)).isEqualTo(half.length);
        kernel.thenOther(() -> p[1].receive(new byte[size], 0, size, 0, null, null, null));
        assertThat(p[0].send(half, 0, half.length, 0, at(), null, null)).isEqualTo(half.length);
        assertThat(kernel.allSleepsUsed()).isTrue();
        // A third socket may not send to one connected elsewhere (Linux: EPERM).
        SocketFile named = socket(Socket.AF_UNIX, Socket.SOCK_DGRAM);
        named.bind(at(), new SockAddrUn("/tmp/d"));
        SocketFile[] q = pair(Socket.SOCK_DGRAM);
        assertThat(named.connect(at(), new SockAddrUn("/tmp/d"))).isZero();
        assertThat(q[0].send(half, 0, 1, 0, at(), new SockAddrUn("/tmp/d"), null)).isEqualTo(-EPERM);
        for (SocketFile s : new SocketFile[] {rx, tx, p[0], p[1], named, q[0], q[1]}) s.release();
        assertThat(ipc.liveSockets()).isZero();
    }
}
