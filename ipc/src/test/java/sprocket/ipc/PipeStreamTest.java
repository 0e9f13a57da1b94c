package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.EAGAIN;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.sys.Fcntl;

/** Seeded random nonblocking traffic through one pipe, checked against a plain queue of bytes. */
class PipeStreamTest {

    @Test
    void random_reads_and_writes_keep_every_byte_in_order_and_respect_pipe_buf() {
        for (long seed = 1; seed <= 10; seed++) {
            var random = new SplittableRandom(seed);
            var kernel = new FakeKernel();
            var p = new SysvIpcProvider().create(kernel.context()).pipe();
            var r = new FakeEntry(p.readEnd(), Fcntl.O_RDONLY);
            var w = new FakeEntry(p.writeEnd(), Fcntl.O_WRONLY);
            r.setFlags(Fcntl.O_NONBLOCK);
            w.setFlags(Fcntl.O_NONBLOCK);
            var model = new ArrayDeque<Byte>();
            byte next = 0;

            for (int step = 0; step < 2000; step++) {
                int len = random.nextInt(random.nextBoolean() ? 64 : Pipe.PIPE_MAX + 2000);
                if (random.nextBoolean()) {
                    var buf = new byte[len];
                    for (int i = 0; i < len; i++) buf[i] = next++;
                    int room = Pipe.PIPE_MAX - model.size();
                    int n = w.write(buf, 0, len);
                    int expected = len == 0 ? 0
                            : len <= Pipe.PIPE_BUF ? (len <= room ? len : -EAGAIN)
                            : (room > 0 ? Math.min(room, len) : -EAGAIN);
                    assertThat(n).as("seed %d step %d: write %d with %d room", seed, step, len, room)
                            .isEqualTo(expected);
                    for (int i = 0; i < Math.max(n, 0); i++) model.add(buf[i]);
                    next = (byte) (next - len + Math.max(n, 0)); // unwritten bytes are offered again
                } else {
                    var buf = new byte[len];
                    int n = r.read(buf, 0, len);
                    int expected = len == 0 ? 0 : model.isEmpty() ? -EAGAIN : Math.min(len, model.size());
                    assertThat(n).as("seed %d step %d: read %d of %d", seed, step, len, model.size())
                            .isEqualTo(expected);
                    var expectedBytes = new byte[Math.max(n, 0)];
                    for (int i = 0; i < expectedBytes.length; i++) expectedBytes[i] = model.poll();
                    assertThat(Arrays.copyOf(buf, expectedBytes.length)).isEqualTo(expectedBytes);
                }
                assertThat(r.stat().size()).isEqualTo(model.size());
            }
            assertThat(kernel.slept).isEmpty();
        }
    }
}
