package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/** inet_addr(3N), inet_ntoa(3N) and the command-line addresses. */
class SocketsTest {

    @Test
    void inet_addr_reads_the_four_forms_of_dot_notation_in_any_base() {
        // inet_addr(3N): "a.b.c.d", "a.b.c" (the last part a 16-bit quantity), "a.b" (24 bits), "a" (32 bits); parts
        // in decimal, octal (leading 0) or hexadecimal (leading 0x).
        assertThat(Sockets.inet_addr("127.0.0.1")).isEqualTo(Socket.INADDR_LOOPBACK);
        assertThat(Sockets.inet_addr("127.1")).isEqualTo(Socket.INADDR_LOOPBACK);
        assertThat(Sockets.inet_addr("127.0.1")).isEqualTo(Socket.INADDR_LOOPBACK);
        assertThat(Sockets.inet_addr("0x7f000001")).isEqualTo(Socket.INADDR_LOOPBACK);
        assertThat(Sockets.inet_addr("0177.0.0.01")).isEqualTo(Socket.INADDR_LOOPBACK);
        assertThat(Sockets.inet_addr("10.1.2.3")).isEqualTo(0x0A010203);
        assertThat(Sockets.inet_addr("0.0.0.0")).isEqualTo(Socket.INADDR_ANY);
    }

    @Test
    void inet_addr_refuses_malformed_addresses_with_INADDR_NONE() {
        for (String bad : new String[] {"", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1.2.65536", "a.b.c.d", "1..2",
            "0x", "08", "1.2.3.-4", "١.٢.٣.٤", " 1.2.3.4"}) {
            assertThat(Sockets.inet_addr(bad)).as(bad).isEqualTo(Sockets.INADDR_NONE);
        }
    }

    @Test
    void inet_ntoa_writes_dot_notation() {
        assertThat(Sockets.inet_ntoa(0xC0A80001)).isEqualTo("192.168.0.1");
        assertThat(Sockets.inet_ntoa(Socket.INADDR_LOOPBACK)).isEqualTo("127.0.0.1");
    }

    @Test
    void command_line_addresses_and_their_words_back() {
        assertThat(Sockets.parse("unix", "/tmp/s")).isEqualTo(new SockAddrUn("/tmp/s"));
        assertThat(Sockets.parse("inet", "7")).isEqualTo(SockAddrIn.loopback(7));
        assertThat(Sockets.parse("inet", "localhost:7")).isEqualTo(SockAddrIn.loopback(7));
        assertThat(Sockets.parse("inet", "0.0.0.0:80")).isEqualTo(SockAddrIn.any(80));
        assertThat(Sockets.parse("inet", "10.0.0.1:7")).isEqualTo(new SockAddrIn(0x0A000001, 7));
        for (String[] bad : new String[][] {{"unix", ""}, {"inet", "65536"}, {"inet", "x:1"}, {"inet", ""},
            {"ip", "1"}}) {
            assertThat(Sockets.parse(bad[0], bad[1])).as(String.join(" ", bad)).isNull();
        }
        assertThat(Sockets.unparse(SockAddrIn.any(9))).containsExactly("inet", "127.0.0.1:9");
        assertThat(Sockets.unparse(new SockAddrUn("/s"))).containsExactly("unix", "/s");
        assertThat(Sockets.familyName(new SockAddrUn("/s"))).isEqualTo("AF_UNIX");
    }
}
