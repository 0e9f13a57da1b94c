package sprocket.api.hw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SharedResourceTest {

    private long horizon;
    private final SharedResource bus = new SharedResource(() -> horizon);

    @Test
    void a_free_resource_is_taken_at_once_and_a_held_one_after_the_hold() {
        assertThat(bus.reserve(100, 10)).isEqualTo(100);
        assertThat(bus.reserve(105, 10)).as("waits out [100, 110)").isEqualTo(110);
        assertThat(bus.reserve(130, 5)).isEqualTo(130);
        assertThat(bus.busyAt(109)).isTrue();
        assertThat(bus.busyAt(125)).isFalse();
    }

    /** Temporal decoupling: a CPU a quantum behind slips into a gap the others left, or waits for one big enough. */
    @Test
    void a_request_from_behind_takes_the_first_gap_that_fits_it() {
        bus.reserve(100, 10);
        bus.reserve(120, 10);
        assertThat(bus.reserve(50, 10)).as("fits before both").isEqualTo(50);
        assertThat(bus.reserve(105, 10)).as("[110, 120) is exactly long enough").isEqualTo(110);
        assertThat(bus.reserve(100, 5)).as("no gap left before 130").isEqualTo(130);
        assertThat(bus.holds()).as("touching holds merge").isEqualTo(2);
    }

    @Test
    void holds_behind_the_slowest_clock_are_forgotten_when_room_is_needed() {
        for (int i = 0; i < 1000; i++) {
            horizon = i * 20L;
            bus.reserve(i * 20L, 10);
        }
        assertThat(bus.holds()).isLessThanOrEqualTo(64);
        assertThat(bus.reserve(horizon, 10)).isEqualTo(horizon + 10);
    }

    /** Against a plain array of busy cycles: the same requests get the same, earliest non-overlapping times. */
    @Test
    void random_requests_never_overlap_and_start_at_the_earliest_free_time() {
        SplittableRandom random = new SplittableRandom(7);
        boolean[] busy = new boolean[20_000];
        for (int i = 0; i < 1500; i++) {
            long at = random.nextInt(18_000);
            int d = 1 + random.nextInt(12);
            long start = bus.reserve(at, d);
            long expected = at;
            while (!free(busy, expected, d)) {
                expected++;
            }
            assertThat(start).isEqualTo(expected);
            for (long t = start; t < start + d; t++) {
                busy[(int) t] = true;
            }
        }
    }

    private static boolean free(boolean[] busy, long from, int d) {
        for (long t = from; t < from + d; t++) {
            if (t < busy.length && busy[(int) t]) {
                return false;
            }
        }
        return true;
    }
}
