package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;

/** Sleep and wake-up on a wait channel: who wakes, and in what order. */
class WakeupOrderTest {

    @Test
    void readers_asleep_on_one_pipe_wake_in_the_order_they_slept_and_an_interrupted_one_reads_nothing() {
        var o = Sim.with("hw.cpus=1").program("t", (sys, argv) -> {
            int[] fds = new int[2];
            if (sys.pipe(fds) != 0) return 9;
            int[] readers = new int[3];
            for (int i = 0; i < readers.length; i++) {
                int n = i + 1;
                readers[i] = sys.fork(s -> {
                    s.signal(Signals.SIGUSR1, (x, sig) -> { });
                    byte[] b = new byte[1];
                    int r = s.read(fds[0], b, 0, 1);
                    Sim.puts(s, "reader " + n + (r == 1 ? " read " + (char) b[0] : " interrupted"));
                    return 0;
                });
            }
            sys.sleep(1); // every reader is asleep on the empty pipe
            sys.kill(readers[1], Signals.SIGUSR1);
            sys.sleep(1);
            sys.write(fds[1], "ab".getBytes(StandardCharsets.US_ASCII), 0, 2);
            int[] st = new int[1];
            for (int i = 0; i < readers.length; i++) sys.wait(st);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("reader 2 interrupted\nreader 1 read a\nreader 3 read b\n");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_lone_sleeper_is_woken_and_its_channel_serves_the_next_one() {
        var o = Sim.with("hw.cpus=1").program("t", (sys, argv) -> {
            int[] fds = new int[2];
            if (sys.pipe(fds) != 0) return 9;
            for (int round = 1; round <= 2; round++) {
                int n = round;
                sys.fork(s -> {
                    byte[] b = new byte[1];
                    int r = s.read(fds[0], b, 0, 1);
                    Sim.puts(s, "round " + n + (r == 1 ? " read " + (char) b[0] : " failed"));
                    return 0;
                });
                sys.sleep(1);
                sys.write(fds[1], new byte[] {(byte) ('0' + n)}, 0, 1);
                sys.wait(new int[1]);
            }
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("round 1 read 1\nround 2 read 2\n");
    }
}
