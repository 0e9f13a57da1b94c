package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Sockets between real processes on a booted kernel: AF_UNIX names in the file system, loopback AF_INET ports,
 * stream and datagram semantics, descriptors passed with SCM_RIGHTS, and the errors of the manual pages. Every run
 * also ends with the kernel's own check that no socket, open file or pipe is left.
 */
class SocketTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b, int n) {
        return n < 0 ? "-1" : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** The call's result and, when it failed, errno's name: "-1 ECONNREFUSED". */
    /** /tmp/secret holding {@code text}, open for reading and writing at {@code offset}. */
    private static int secret(Sys sys, String text, int offset) {
        int f = sys.open("/tmp/secret", Fcntl.O_CREAT | Fcntl.O_RDWR, 0600);
        byte[] b = bytes(text);
        sys.write(f, b, 0, b.length);
        sys.lseek(f, offset, Fcntl.SEEK_SET);
        return f;
    }

    /** A message header with room for 8 bytes and 4 passed descriptors. */
    private static Msghdr rightsHeader() {
        Msghdr m = new Msghdr(new byte[8], 0, 8);
        m.maxRights = 4;
        return m;
    }

    private static String r(Sys sys, int result) {
        return result == -1 ? "-1 " + Errno.name(sys.errno()) : Integer.toString(result);
    }

    private static SockAddr address(String family, int port) {
        return family.equals("unix") ? new SockAddrUn("/tmp/echo.sock") : SockAddrIn.loopback(port);
    }

    @ParameterizedTest
    @CsvSource({"r2000,unix", "r2000,inet", "x86mps,unix", "x86mps,inet"})
    void a_stream_server_echoes_what_a_forked_client_sends_until_end_of_file(String hw, String family) {
        int domain = family.equals("unix") ? Socket.AF_UNIX : Socket.AF_INET;
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            int ls = sys.socket(domain, Socket.SOCK_STREAM, 0);
            if (sys.bind(ls, address(family, 7007)) != 0 || sys.listen(ls, 5) != 0) return 1;
            int c = sys.fork(s -> {
                int fd = s.socket(domain, Socket.SOCK_STREAM, 0);
                if (s.connect(fd, address(family, 7007)) != 0) return 2;
                StringBuilder echoed = new StringBuilder();
                byte[] b = new byte[64];
                for (String line : new String[] {"one\n", "two\n", "three\n"}) {
                    s.write(fd, bytes(line), 0, line.length());
                    int got = 0;
                    while (got < line.length()) {
                        int n = s.read(fd, b, got, line.length() - got);
                        if (n <= 0) return 3;
                        got += n;
                    }
                    echoed.append(text(b, got));
                }
                // shutdown(2) SHUT_WR: the server reads end of file, echoes nothing more, and closes.
                s.shutdown(fd, Socket.SHUT_WR);
                int end = s.read(fd, b, 0, b.length);
                Sim.puts(s, "client got " + echoed.toString().replace("\n", "|") + " then " + end);
                return s.close(fd);
            });
            SockAddr[] peer = new SockAddr[1];
            int cs = sys.accept(ls, peer);
            byte[] b = new byte[16];
            int n;
            int total = 0;
            while ((n = sys.read(cs, b, 0, b.length)) > 0) {
                sys.write(cs, b, 0, n);
                total += n;
            }
            sys.close(cs);
            sys.close(ls);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            boolean peerOk = domain == Socket.AF_UNIX ? peer[0].equals(SockAddrUn.UNNAMED)
                    : ((SockAddrIn) peer[0]).addr() == Socket.INADDR_LOOPBACK;
            Sim.puts(sys, "server echoed " + total + " bytes, peer " + peerOk + ", client " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("client got one|two|three| then 0\nserver echoed 14 bytes, peer true, client 0\n");
    }

    @Test
    void binding_an_af_unix_path_makes_a_socket_node_that_outlives_the_socket_until_unlinked() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int s = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            sys.bind(s, new SockAddrUn("/tmp/s"));
            boolean isSock = sys.stat("/tmp/s").type() == FileMode.S_IFSOCK;
            // bind(2) (unix(7)): "EADDRINUSE The given address is already in use" — here by the node itself.
            int again = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            String inUse = r(sys, sys.bind(again, new SockAddrUn("/tmp/s")));
            // bind(2): "EINVAL The socket is already bound to an address."
            String twice = r(sys, sys.bind(s, new SockAddrUn("/tmp/t")));
            sys.close(s);
            boolean stays = sys.stat("/tmp/s") != null;
            // POSIX open(2): "EOPNOTSUPP The path argument names a socket."
            String open = r(sys, sys.open("/tmp/s", Fcntl.O_RDONLY));
            // Nothing listens behind the name any more: unix(7) "ECONNREFUSED".
            String refused = r(sys, sys.connect(again, new SockAddrUn("/tmp/s")));
            sys.unlink("/tmp/s");
            String rebound = r(sys, sys.bind(again, new SockAddrUn("/tmp/s")));
            String[] name = {null};
            SockAddr[] got = new SockAddr[1];
            sys.getsockname(again, got);
            name[0] = got[0].toString();
            sys.close(again);
            sys.unlink("/tmp/s");
            Sim.puts(sys, isSock + " " + inUse + " " + twice + " " + stays + " " + open + " " + refused + " " + rebound
                    + " " + name[0]);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true -1 EADDRINUSE -1 EINVAL true -1 EOPNOTSUPP -1 ECONNREFUSED 0 /tmp/s\n");
    }

    @Test
    void connecting_fails_as_the_manual_pages_say() {
        var o = Sim.with().program("t", (sys, argv) -> {
            StringBuilder out = new StringBuilder();
            int s = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            // connect(2): "ENOENT A component of the pathname does not name an existing file".
            out.append(r(sys, sys.connect(s, new SockAddrUn("/tmp/none")))).append(',');
            // unix(7): "ECONNREFUSED ... if the target pathname is not a socket".
            sys.close(sys.open("/tmp/plain", Fcntl.O_CREAT | Fcntl.O_WRONLY, 0644));
            out.append(r(sys, sys.connect(s, new SockAddrUn("/tmp/plain")))).append(',');
            // A bound stream socket that never listened: "ECONNREFUSED The target address was not listening".
            int bound = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            sys.bind(bound, new SockAddrUn("/tmp/quiet"));
            out.append(r(sys, sys.connect(s, new SockAddrUn("/tmp/quiet")))).append(',');
            // connect(2): "EPROTOTYPE The specified address has a different type than the socket bound to it".
            int dgram = sys.socket(Socket.AF_UNIX, Socket.SOCK_DGRAM, 0);
            sys.bind(dgram, new SockAddrUn("/tmp/dgram"));
            out.append(r(sys, sys.connect(s, new SockAddrUn("/tmp/dgram")))).append(',');
            // connect(2): "EAFNOSUPPORT The specified address is not a valid address for the address family".
            out.append(r(sys, sys.connect(s, SockAddrIn.loopback(80)))).append(',');
            // No TCP listener on the port: ECONNREFUSED; no route off the loopback interface: ENETUNREACH.
            int tcp = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            out.append(r(sys, sys.connect(tcp, SockAddrIn.loopback(9)))).append(',');
            out.append(r(sys, sys.connect(tcp, new SockAddrIn(0x0A000001, 80)))).append(',');
            // connect(2): "EISCONN The specified socket is connection-mode and is already connected."
            int ls = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            sys.bind(ls, SockAddrIn.any(8080));
            sys.listen(ls, 1);
            out.append(r(sys, sys.connect(tcp, SockAddrIn.loopback(8080)))).append(',');
            out.append(r(sys, sys.connect(tcp, SockAddrIn.loopback(8080)))).append(',');
            // "EOPNOTSUPP The socket is listening and cannot be connected."
            out.append(r(sys, sys.connect(ls, SockAddrIn.loopback(8080))));
            for (int fd : new int[] {s, bound, dgram, tcp, ls}) sys.close(fd);
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("-1 ENOENT,-1 ECONNREFUSED,-1 ECONNREFUSED,-1 EPROTOTYPE,-1 EAFNOSUPPORT,"
                + "-1 ECONNREFUSED,-1 ENETUNREACH,0,-1 EISCONN,-1 EOPNOTSUPP\n");
    }

    @Test
    void socket_calls_fail_as_the_manual_pages_say() {
        var o = Sim.with().program("t", (sys, argv) -> {
            StringBuilder out = new StringBuilder();
            // socket(2): EAFNOSUPPORT, ESOCKTNOSUPPORT, EPROTONOSUPPORT.
            out.append(r(sys, sys.socket(99, Socket.SOCK_STREAM, 0))).append(',');
            out.append(r(sys, sys.socket(Socket.AF_INET, Socket.SOCK_RAW, 0))).append(',');
            out.append(r(sys, sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, Socket.IPPROTO_UDP))).append(',');
            // "ENOTSOCK The file descriptor socket does not refer to a socket."
            int[] p = new int[2];
            sys.pipe(p);
            out.append(r(sys, sys.listen(p[0], 1))).append(',');
            out.append(r(sys, sys.bind(99, SockAddrIn.any(0)))).append(',');
            int s = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            byte[] b = new byte[4];
            // recv(2) and send(2): "ENOTCONN ... not connected"; getpeername(2) too.
            out.append(r(sys, sys.recv(s, b, 0, 4, 0))).append(',');
            out.append(r(sys, sys.send(s, b, 0, 4, 0))).append(',');
            out.append(r(sys, sys.getpeername(s, new SockAddr[1]))).append(',');
            out.append(r(sys, sys.shutdown(s, Socket.SHUT_WR))).append(',');
            // accept(2): "EINVAL The socket is not accepting connections."
            out.append(r(sys, sys.accept(s, null))).append(',');
            // bind(2): "EADDRNOTAVAIL The specified address is not available from the local machine."
            out.append(r(sys, sys.bind(s, new SockAddrIn(0x0A000001, 80)))).append(',');
            int d = sys.socket(Socket.AF_INET, Socket.SOCK_DGRAM, 0);
            // listen(2): "EOPNOTSUPP The socket protocol does not support listen()."
            out.append(r(sys, sys.listen(d, 1))).append(',');
            // sendto(2): "EDESTADDRREQ The socket is not connection-mode and no peer address is set."
            out.append(r(sys, sys.send(d, b, 0, 4, 0))).append(',');
            // listen(2) on an unbound AF_UNIX socket: "EDESTADDRREQ The socket is not bound to a local address".
            int u = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            out.append(r(sys, sys.listen(u, 1))).append(',');
            // socketpair(2): "EOPNOTSUPP The specified protocol does not permit creation of socket pairs."
            out.append(r(sys, sys.socketpair(Socket.AF_INET, Socket.SOCK_STREAM, 0, new int[2])));
            for (int fd : new int[] {p[0], p[1], s, d, u}) sys.close(fd);
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("-1 EAFNOSUPPORT,-1 ESOCKTNOSUPPORT,-1 EPROTONOSUPPORT,-1 ENOTSOCK,-1 EBADF,"
                + "-1 ENOTCONN,-1 ENOTCONN,-1 ENOTCONN,-1 ENOTCONN,-1 EINVAL,-1 EADDRNOTAVAIL,-1 EOPNOTSUPP,"
                + "-1 EDESTADDRREQ,-1 EDESTADDRREQ,-1 EOPNOTSUPP\n");
    }

    @Test
    void ports_are_taken_once_port_zero_picks_an_ephemeral_one_and_low_ports_are_root_s() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int a = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            int b = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            int u = sys.socket(Socket.AF_INET, Socket.SOCK_DGRAM, 0);
            sys.bind(a, SockAddrIn.loopback(5555));
            // bind(2): "EADDRINUSE The specified address is already in use" (INADDR_ANY takes 127.0.0.1's port too).
            String inUse = r(sys, sys.bind(b, SockAddrIn.any(5555)));
            // UDP has its own ports.
            String udp = r(sys, sys.bind(u, SockAddrIn.any(5555)));
            sys.bind(b, SockAddrIn.any(0));
            SockAddr[] name = new SockAddr[1];
            sys.getsockname(b, name);
            int port = ((SockAddrIn) name[0]).port();
            int c = sys.fork(s -> {
                s.setuid(100);
                int low = s.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
                // bind(2): "EACCES The specified address is protected and the current user does not have permission".
                return s.bind(low, SockAddrIn.any(80)) == -1 && s.errno() == Errno.EACCES ? 0 : 1;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            for (int fd : new int[] {a, b, u}) sys.close(fd);
            Sim.puts(sys, inUse + " " + udp + " " + (port >= 1024 && port <= 5000) + " " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("-1 EADDRINUSE 0 true 0\n");
    }

    @Test
    void a_client_s_ephemeral_port_is_the_peer_address_its_server_accepts() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int ls = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            sys.bind(ls, SockAddrIn.any(0));
            sys.listen(ls, 5);
            SockAddr[] server = new SockAddr[1];
            sys.getsockname(ls, server);
            int c = sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0);
            sys.connect(c, SockAddrIn.loopback(((SockAddrIn) server[0]).port()));
            SockAddr[] client = new SockAddr[1];
            sys.getsockname(c, client);
            SockAddr[] peer = new SockAddr[1];
            int a = sys.accept(ls, peer);
            SockAddr[] seen = new SockAddr[1];
            sys.getpeername(c, seen);
            Sim.puts(sys, client[0].equals(peer[0]) + " " + seen[0].equals(SockAddrIn.loopback(
                    ((SockAddrIn) server[0]).port())) + " " + client[0].toString().startsWith("127.0.0.1:"));
            for (int fd : new int[] {ls, c, a}) sys.close(fd);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "inet"})
    void datagrams_keep_their_boundaries_and_a_short_buffer_cuts_one(String family) {
        var o = Sim.with().program("t", (sys, argv) -> {
            int domain = family.equals("unix") ? Socket.AF_UNIX : Socket.AF_INET;
            SockAddr there = family.equals("unix") ? new SockAddrUn("/tmp/d") : SockAddrIn.loopback(6000);
            int rx = sys.socket(domain, Socket.SOCK_DGRAM, 0);
            sys.bind(rx, there);
            int tx = sys.socket(domain, Socket.SOCK_DGRAM, 0);
            for (String m : new String[] {"a", "bb", "ccc", "dddddddd"}) sys.sendto(tx, bytes(m), 0, m.length(), 0, there);
            StringBuilder out = new StringBuilder();
            byte[] b = new byte[64];
            SockAddr[] from = new SockAddr[1];
            for (int i = 0; i < 3; i++) out.append(text(b, sys.recvfrom(rx, b, 0, b.length, 0, from))).append('/');
            // recv(2): "If a message is too long to fit in the supplied buffer, excess bytes shall be discarded".
            Msghdr m = new Msghdr(b, 0, 3);
            int n = sys.recvmsg(rx, m, 0);
            out.append(text(b, n)).append((m.flags & Socket.MSG_TRUNC) != 0 ? " TRUNC" : "").append(' ');
            // Nothing left: the rest of the cut datagram is gone. MSG_DONTWAIT: EAGAIN.
            out.append(r(sys, sys.recv(rx, b, 0, b.length, Socket.MSG_DONTWAIT))).append(' ');
            // send(2): "EMSGSIZE The message is too large to be sent all at once, as the socket requires."
            byte[] big = new byte[16385];
            out.append(r(sys, sys.sendto(tx, big, 0, big.length, 0, there))).append(' ');
            SockAddr[] me = new SockAddr[1];
            sys.getsockname(tx, me);
            out.append(family.equals("unix") ? from[0].equals(SockAddrUn.UNNAMED)
                    : from[0].equals(SockAddrIn.loopback(((SockAddrIn) me[0]).port())));
            sys.close(rx);
            sys.close(tx);
            sys.unlink("/tmp/d");
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("a/bb/ccc/ddd TRUNC -1 EAGAIN -1 EMSGSIZE true\n");
    }

    @Test
    void a_connected_udp_socket_hears_that_nobody_listens_with_ECONNREFUSED() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int u = sys.socket(Socket.AF_INET, Socket.SOCK_DGRAM, 0);
            sys.connect(u, SockAddrIn.loopback(4444));
            byte[] b = bytes("hi");
            // The send goes out; the port-unreachable answer is the socket's pending error for the next call.
            String first = r(sys, sys.send(u, b, 0, 2, 0));
            String second = r(sys, sys.recv(u, b, 0, 2, Socket.MSG_DONTWAIT));
            String third = r(sys, sys.recv(u, b, 0, 2, Socket.MSG_DONTWAIT));
            sys.close(u);
            Sim.puts(sys, first + " " + second + " " + third);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("2 -1 ECONNREFUSED -1 EAGAIN\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_server_hands_an_open_file_to_its_child_with_SCM_RIGHTS_and_the_child_reads_it(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            int f = secret(sys, "the paper's file", 4);
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            int c = sys.fork(s -> {
                s.close(sv[0]);
                Msghdr m = rightsHeader();
                int n = s.recvmsg(sv[1], m, 0);
                if (n != 1 || m.rights.length != 1) return 1;
                byte[] b = new byte[32];
                // The passed descriptor shares the open file, offset included (4: "paper's file").
                int got = s.read(m.rights[0], b, 0, b.length);
                Sim.puts(s, "child fd " + m.rights[0] + " read \"" + text(b, got) + "\"");
                s.close(m.rights[0]);
                return s.close(sv[1]);
            });
            sys.close(sv[1]);
            Msghdr m = new Msghdr(bytes("x"), 0, 1);
            m.rights = new int[] {f};
            int sent = sys.sendmsg(sv[0], m, 0);
            // The file's entry is held while in flight: closing the sender's descriptor does not close it.
            sys.close(f);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            sys.close(sv[0]);
            Sim.puts(sys, "sent " + sent + ", child " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).matches("child fd \\d+ read \"paper's file\"\nsent 1, child 0\n");
    }

    /**
     * A control message with no data still travels on an AF_UNIX stream (4.4BSD and Linux deliver it): recvmsg returns
     * 0 bytes with the descriptor, the bytes sent after it follow, and a second such message nobody reads is released
     * when the sockets close (the end-of-run check finds every file closed).
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_zero_length_sendmsg_with_SCM_RIGHTS_on_a_stream_delivers_the_descriptors_and_leaks_none(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            int f = secret(sys, "passed", 0);
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            int c = sys.fork(s -> {
                s.close(sv[0]);
                Msghdr m = rightsHeader();
                int n = s.recvmsg(sv[1], m, 0);
                if (n != 0 || m.rights.length != 1) return 1;
                byte[] b = new byte[16];
                String file = text(b, s.read(m.rights[0], b, 0, b.length));
                s.close(m.rights[0]);
                String after = text(b, s.read(sv[1], b, 0, b.length));
                Sim.puts(s, "child got 0 bytes and a descriptor reading \"" + file + "\", then \"" + after + "\"");
                return s.close(sv[1]);
            });
            sys.close(sv[1]);
            Msghdr m = new Msghdr(new byte[0], 0, 0);
            m.rights = new int[] {f};
            int sent = sys.sendmsg(sv[0], m, 0);
            sys.write(sv[0], bytes("data"), 0, 4);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            // Another one, never received: closing the socket releases it.
            int[] pair = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, pair);
            int again = sys.sendmsg(pair[0], m, 0);
            sys.close(f);
            sys.close(pair[0]);
            sys.close(pair[1]);
            sys.close(sv[0]);
            Sim.puts(sys, "sent " + sent + " and " + again + ", child " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo(
                "child got 0 bytes and a descriptor reading \"passed\", then \"data\"\nsent 0 and 0, child 0\n");
    }

    /**
     * recv(2): MSG_WAITALL "requests that the function block until the full amount of data can be returned. The
     * function may return a smaller amount of data if a signal is caught, if the connection is terminated, if
     * MSG_PEEK was specified, or if an error is pending for the socket."
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void recv_with_MSG_WAITALL_on_a_unix_stream_waits_for_the_full_amount_unless_the_peer_closes(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            int c = sys.fork(s -> {
                s.close(sv[0]);
                byte[] b = new byte[16];
                String whole = text(b, s.recv(sv[1], b, 0, 6, Socket.MSG_WAITALL));
                // The peer sends 2 more and closes: end of file cuts the wait short.
                String cut = text(b, s.recv(sv[1], b, 0, 6, Socket.MSG_WAITALL));
                Sim.puts(s, whole + " " + cut);
                return s.close(sv[1]);
            });
            sys.close(sv[1]);
            for (String piece : new String[] {"ab", "cd", "ef", "gh"}) {
                sys.write(sv[0], bytes(piece), 0, 2);
                sys.nanosleep(1_000_000); // each piece on its own, after the reader went to sleep
            }
            sys.close(sv[0]);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]);
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("abcdef gh\n");
    }

    @Test
    void descriptors_in_a_message_nobody_reads_are_released_and_excess_ones_are_closed_with_MSG_CTRUNC() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int f = sys.open("/tmp/f", Fcntl.O_CREAT | Fcntl.O_RDWR, 0600);
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_DGRAM, 0, sv);
            Msghdr m = new Msghdr(bytes("x"), 0, 1);
            m.rights = new int[] {f, f, f};
            sys.sendmsg(sv[0], m, 0);
            sys.sendmsg(sv[0], m, 0);
            // Room for one descriptor: the other two are closed and msg_flags says MSG_CTRUNC.
            Msghdr in = new Msghdr(new byte[4], 0, 4);
            in.maxRights = 1;
            sys.recvmsg(sv[1], in, 0);
            String first = in.rights.length + ((in.flags & Socket.MSG_CTRUNC) != 0 ? " CTRUNC" : "");
            // The first passed descriptor is the lowest free one: 3 is taken by the file, 4 and 5 by the pair.
            int lowest = in.rights[0];
            sys.close(lowest);
            sys.close(f);
            // The second message is never read: closing the sockets releases its three references, so the run's
            // end-of-run check finds the file closed.
            sys.close(sv[0]);
            sys.close(sv[1]);
            Sim.puts(sys, first + " fd " + lowest);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("1 CTRUNC fd 6\n");
    }

    @Test
    void a_write_to_a_stream_whose_peer_closed_gives_SIGPIPE_or_EPIPE_when_ignored() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            sys.close(sv[1]);
            int c = sys.fork(s -> {
                s.write(sv[0], bytes("x"), 0, 1);
                return 0;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            // send(2): "EPIPE ... the SIGPIPE signal is generated to the calling thread."
            boolean killed = Wait.WIFSIGNALED(st[0]) && Wait.WTERMSIG(st[0]) == Signals.SIGPIPE;
            sys.signal(Signals.SIGPIPE, SignalHandler.IGNORE);
            String ignored = r(sys, sys.write(sv[0], bytes("x"), 0, 1));
            byte[] b = new byte[4];
            String eof = r(sys, sys.read(sv[0], b, 0, 4));
            sys.close(sv[0]);
            Sim.puts(sys, killed + " " + ignored + " " + eof);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true -1 EPIPE 0\n");
    }

    @Test
    void data_sent_before_shutdown_is_read_before_end_of_file_and_a_reset_follows_unread_data() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            sys.write(sv[0], bytes("last words"), 0, 10);
            sys.shutdown(sv[0], Socket.SHUT_WR);
            byte[] b = new byte[32];
            String data = text(b, sys.read(sv[1], b, 0, b.length));
            String eof = r(sys, sys.read(sv[1], b, 0, b.length));
            // The writing side may still receive after SHUT_WR.
            sys.write(sv[1], bytes("reply"), 0, 5);
            // Closing with "reply" unread resets: the peer's next read fails once with ECONNRESET, then ends.
            int[] tv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, tv);
            sys.write(tv[1], bytes("unread"), 0, 6);
            sys.close(tv[0]);
            String reset = r(sys, sys.read(tv[1], b, 0, b.length));
            String after = r(sys, sys.read(tv[1], b, 0, b.length));
            String reply = text(b, sys.read(sv[0], b, 0, b.length));
            for (int fd : new int[] {sv[0], sv[1], tv[1]}) sys.close(fd);
            Sim.puts(sys, data + " " + eof + " " + reply + " " + reset + " " + after);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("last words 0 reply -1 ECONNRESET 0\n");
    }

    @Test
    void nonblocking_sockets_say_EAGAIN_and_a_full_backlog_holds_a_connector_until_an_accept() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            StringBuilder out = new StringBuilder();
            int ls = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            sys.bind(ls, new SockAddrUn("/tmp/l"));
            sys.listen(ls, 1);
            sys.fcntl(ls, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
            out.append(r(sys, sys.accept(ls, null))).append(',');
            int a = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            out.append(r(sys, sys.connect(a, new SockAddrUn("/tmp/l")))).append(',');
            int b = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
            sys.fcntl(b, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
            // The backlog of 1 is full: a nonblocking connect says EAGAIN rather than wait.
            out.append(r(sys, sys.connect(b, new SockAddrUn("/tmp/l")))).append(',');
            byte[] buf = new byte[4];
            out.append(r(sys, sys.read(b, buf, 0, 4))).append(',');
            out.append(r(sys, sys.recv(a, buf, 0, 4, Socket.MSG_DONTWAIT))).append(',');
            int c = sys.fork(s -> {
                int fd = s.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
                // Blocks until the parent accepts the first connection, which makes room.
                int r = s.connect(fd, new SockAddrUn("/tmp/l"));
                s.close(fd);
                return r == 0 ? 0 : 1;
            });
            sys.sleep(1);
            int first = sys.accept(ls, null);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            int second = sys.accept(ls, null);
            out.append(first >= 0).append(',').append(Wait.WEXITSTATUS(st[0])).append(',').append(second >= 0);
            for (int fd : new int[] {ls, a, b, first, second}) sys.close(fd);
            sys.unlink("/tmp/l");
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("-1 EAGAIN,0,-1 EAGAIN,-1 ENOTCONN,-1 EAGAIN,true,0,true\n");
    }

    @Test
    void a_socket_shared_by_fork_stays_open_until_both_processes_close_it() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int[] sv = new int[2];
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            int c = sys.fork(s -> {
                s.write(sv[0], bytes("child "), 0, 6);
                s.close(sv[0]);
                return 0;
            });
            sys.waitpid(c, new int[1], 0);
            // The child's close left the parent's descriptor, so the stream is still open both ways.
            sys.write(sv[0], bytes("parent"), 0, 6);
            sys.close(sv[0]);
            byte[] b = new byte[32];
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = sys.read(sv[1], b, 0, b.length)) > 0) got.append(text(b, n));
            int dup = sys.dup(sv[1]);
            sys.close(sv[1]);
            String stillThere = r(sys, sys.getsockname(dup, new SockAddr[1]));
            sys.close(dup);
            Sim.puts(sys, got + " " + n + " " + stillThere);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("child parent 0 0\n");
    }

    /**
     * socketpair(2): "EMFILE Too many descriptors are in use by this process." With no descriptor free, or one, the
     * call fails, both new ends are closed once, and the kernel goes on (the first end's failure closed both ends,
     * and the kernel then closed the second again: a panic, found by the fuzzer).
     */
    @ParameterizedTest
    @CsvSource({"r2000,0", "r2000,1", "x86mps,0", "x86mps,1"})
    void socketpair_with_too_few_descriptors_fails_with_EMFILE_and_closes_both_ends(String hw, int free) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            sys.setrlimit(Rlimit.RLIMIT_NOFILE, new Rlimit(8, 8));
            int fd;
            do {
                fd = sys.open("/dev/null", Fcntl.O_RDONLY, 0);
            } while (fd >= 0);
            for (int i = 0; i < free; i++) sys.close(7 - i);
            int[] sv = new int[2];
            String first = r(sys, sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv));
            String again = r(sys, sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv));
            sys.close(3);
            sys.close(4);
            String room = r(sys, sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv));
            Sim.puts(sys, first + ", " + again + ", " + room + " " + sv[0] + " " + sv[1]);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("-1 EMFILE, -1 EMFILE, 0 3 4\n");
    }
}
