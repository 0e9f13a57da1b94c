package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.ROOT;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random seeks, reads and writes on one file against a plain byte array that does what the manual says. */
class RandomizedFileTest {

    @Test
    void random_reads_and_writes_match_a_reference_model() {
        for (long seed = 1; seed <= 20; seed++) {
            var rnd = new SplittableRandom(seed);
            var fx = new Fixture();
            var f = fx.open(fx.at(ROOT), "/tmp/r", O_CREAT | O_RDWR, 0644);
            byte[] model = new byte[0];
            long offset = 0;
            for (int step = 0; step < 300; step++) {
                int op = rnd.nextInt(3);
                if (op == 0) {
                    offset = rnd.nextInt(6000);
                    assertThat(f.lseek(offset, SEEK_SET)).isEqualTo(offset);
                } else if (op == 1) {
                    byte[] b = new byte[rnd.nextInt(700)];
                    rnd.nextBytes(b);
                    assertThat(f.write(b, 0, b.length)).isEqualTo(b.length);
                    if (b.length > 0) {
                        int end = (int) offset + b.length;
                        if (end > model.length) model = Arrays.copyOf(model, end);
                        System.arraycopy(b, 0, model, (int) offset, b.length);
                        offset = end;
                    }
                } else {
                    byte[] b = new byte[rnd.nextInt(900)];
                    int n = f.read(b, 0, b.length);
                    int expect = (int) Math.max(0, Math.min(b.length, model.length - offset));
                    assertThat(n).as("seed %d step %d", seed, step).isEqualTo(expect);
                    if (n > 0) {
                        assertThat(Arrays.copyOf(b, n)).isEqualTo(Arrays.copyOfRange(model, (int) offset, (int) offset + n));
                    }
                    offset += n;
                }
                assertThat(f.stat().size()).isEqualTo(model.length);
            }
        }
    }
}
