package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.F_GETLK;
import static sprocket.api.sys.Fcntl.F_SETLK;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.api.sys.Flock.F_RDLCK;
import static sprocket.api.sys.Flock.F_UNLCK;
import static sprocket.api.sys.Flock.F_WRLCK;
import static sprocket.kernel.vfs.Fixture.ROOT;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Flock;

/**
 * Random F_SETLK calls of three processes against a byte-by-byte model of who holds what. After each call, F_GETLK
 * by a fourth process on every byte must report the model's first holder and that holder's whole run of bytes of
 * one type: locks are split where the model says and merged wherever the model shows one run.
 */
class RecordLockModelTest {

    /** Bytes 0..39 take explicit ranges; byte 40 stands for "to the end of the file", reached only with l_len 0. */
    private static final int BYTES = 41;
    private static final int OWNERS = 3;
    private static final int PROBE = 99;

    private final Fixture fx = new Fixture();
    private final Entry[] files = new Entry[OWNERS + 1];
    /** model[owner][byte]: 0, F_RDLCK or F_WRLCK. */
    private final int[][] model = new int[OWNERS + 1][BYTES];

    @Test
    void random_f_setlk_calls_agree_with_a_byte_model() {
        for (int o = 1; o <= OWNERS; o++) {
            int owner = o;
            fx.kernel.as(owner, () -> files[owner] = fx.open(fx.at(ROOT), "/tmp/m", O_CREAT | O_RDWR, 0644));
        }
        Entry probe = fx.open(fx.at(ROOT), "/tmp/m", O_RDWR, 0);
        SplittableRandom random = new SplittableRandom(20240611);
        for (int step = 0; step < 600; step++) {
            int owner = 1 + random.nextInt(OWNERS);
            int type = new int[] {F_RDLCK, F_WRLCK, F_UNLCK}[random.nextInt(3)];
            int start = random.nextInt(BYTES - 1);
            int len = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(Math.min(12, BYTES - 1 - start));
            int end = len == 0 ? BYTES : start + len;
            int expected = type != F_UNLCK && blocked(owner, type, start, end) ? -Errno.EAGAIN : 0;
            int[] got = new int[1];
            fx.kernel.as(owner, () -> got[0] = files[owner].lock(F_SETLK, new Flock[] {new Flock(type, SEEK_SET, start, len, 0)}));
            assertThat(got[0]).as("step %d: %d sets %d on [%d,%d)", step, owner, type, start, end).isEqualTo(expected);
            if (expected == 0) {
                for (int b = start; b < end; b++) model[owner][b] = type == F_UNLCK ? 0 : type;
            }
            int s = step;
            fx.kernel.as(PROBE, () -> {
                for (int b = 0; b < BYTES; b++) {
                    for (int t : new int[] {F_RDLCK, F_WRLCK}) {
                        Flock[] l = {new Flock(t, SEEK_SET, b, b == BYTES - 1 ? 0 : 1, 0)};
                        assertThat(probe.lock(F_GETLK, l)).isZero();
                        assertThat(l[0]).as("step %d: byte %d, type %d", s, b, t).isEqualTo(expectedReport(t, b));
                    }
                }
            });
        }
    }

    private boolean blocked(int owner, int type, int start, int end) {
        for (int o = 1; o <= OWNERS; o++) {
            if (o == owner) continue;
            for (int b = start; b < end; b++) {
                if (model[o][b] == F_WRLCK || model[o][b] != 0 && type == F_WRLCK) return true;
            }
        }
        return false;
    }

    /** The run of the first blocking holder of byte {@code b}: lowest start, then lowest pid. */
    private Flock expectedReport(int type, int b) {
        Flock best = null;
        for (int o = 1; o <= OWNERS; o++) {
            int held = model[o][b];
            if (held == 0 || held == F_RDLCK && type == F_RDLCK) continue;
            int from = b;
            while (from > 0 && model[o][from - 1] == held) from--;
            int to = b;
            while (to < BYTES && model[o][to] == held) to++;
            if (best == null || from < best.start()) best = new Flock(held, SEEK_SET, from, to == BYTES ? 0 : to - from, o);
        }
        return best != null ? best : new Flock(F_UNLCK, SEEK_SET, b, b == BYTES - 1 ? 0 : 1, 0);
    }
}
