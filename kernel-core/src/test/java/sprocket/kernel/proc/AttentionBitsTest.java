package sprocket.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The attention bits the system-call path tests once on the way in and out stand for the state they summarise after
 * every change to it: zero exactly when the process is not exiting, in no share group, not held by blockproc(2) and
 * has no signal pending that it does not block.
 */
class AttentionBitsTest {

    private static boolean needsAttention(Proc p) {
        return p.exiting() || p.shaddr() != null || p.blockCount() < 0
                || (p.sig.pending() & ~p.sig.blocked()) != 0;
    }

    @Test
    void a_new_process_needs_no_attention() {
        Proc p = new Proc(2, null, Cred.root(022));
        assertThat(p.attention()).isZero();
    }

    @Test
    void the_signal_bit_follows_pending_and_blocked_through_random_changes() {
        SplittableRandom random = new SplittableRandom(14);
        Proc p = new Proc(2, null, Cred.root(022));
        for (int step = 0; step < 100_000; step++) {
            int bits = 1 << random.nextInt(1, 32);
            switch (random.nextInt(6)) {
                case 0 -> p.sig.pending(p.sig.pending() | bits);
                case 1 -> p.sig.pending(p.sig.pending() & ~bits);
                case 2 -> p.sig.blocked(p.sig.blocked() | bits);
                case 3 -> p.sig.blocked(p.sig.blocked() & ~bits);
                case 4 -> p.blockCount(random.nextInt(-2, 3));
                default -> p.exiting(random.nextInt(8) == 0);
            }
            boolean ready = (p.sig.pending() & ~p.sig.blocked()) != 0;
            assertThat((p.attention() & Proc.SIGNAL_READY) != 0).as("step %d", step).isEqualTo(ready);
            assertThat(p.attention() != 0).as("step %d", step).isEqualTo(needsAttention(p));
        }
    }
}
