package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/** brk(2): sbrk "adds incr bytes to the break value and changes the allocated space accordingly". */
class SbrkTest {
    private static final int PAGE = Fixture.PAGE;
    private final Fixture f = new Fixture(64);
    private final long data = Fixture.TEXT + PAGE;

    @Test
    void growing_returns_the_old_break_and_allocates_nothing_until_touched() {
        var as = f.create(Fixture.image("grow", PAGE, PAGE, 1 << 20));
        long old = as.brk();
        assertThat(f.canStore(as, old)).as("past the break before sbrk").isFalse();

        assertThat(as.sbrk(0, 3 * PAGE + 10)).isEqualTo(old);

        assertThat(as.brk()).isEqualTo(old + 3 * PAGE + 10);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        f.store(as, old + 3 * PAGE + 4, 7);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
        assertThat(as.sbrk(0, 0)).isEqualTo(old + 3 * PAGE + 10);
    }

    @Test
    void shrinking_removes_the_pages_past_the_new_break_and_frees_their_frames() {
        var as = f.create(Fixture.image("shrink", PAGE, 4 * PAGE, 1 << 20));
        for (int i = 0; i < 4; i++) {
            f.store(as, data + (long) i * PAGE, i + 1);
        }
        assertThat(f.vm.freeFrames()).isEqualTo(60);

        assertThat(as.sbrk(0, -(2 * PAGE + 100))).isEqualTo(data + 4 * PAGE);

        assertThat(as.brk()).isEqualTo(data + 2 * PAGE - 100);
        assertThat(f.vm.freeFrames()).as("pages 2 and 3 freed; page 1 still holds the break").isEqualTo(62);
        assertThat(f.pmap(as).frameAt(data + 2 * PAGE)).isEqualTo(-1);
        assertThat(f.pmap(as).frameAt(data + 3 * PAGE)).isEqualTo(-1);
        assertThat(f.load(as, data + PAGE)).isEqualTo(2);
        assertThat(f.canLoad(as, data + 2 * PAGE)).isFalse();

        as.sbrk(0, PAGE + 100);
        assertThat(f.load(as, data + 2 * PAGE)).as("a page grown back is zero-filled again").isZero();
    }

    @Test
    void growing_into_the_stacks_reserved_range_gives_enomem() {
        long limit = 1 << 20;
        var as = f.create(Fixture.image("collide", PAGE, PAGE, limit));
        long room = Fixture.STACK_TOP - limit - as.brk();
        long old = as.brk();

        assertThat(Refusals.errno(() -> as.sbrk(0, room + 1))).isEqualTo(Errno.ENOMEM);
        assertThat(as.brk()).isEqualTo(old);
    }

    @Test
    void growing_past_what_memory_can_hold_gives_enomem() {
        var as = f.create(Fixture.image("greedy", PAGE, PAGE, 1 << 20));
        long old = as.brk();
        assertThat(Refusals.errno(() -> as.sbrk(0, 65L * PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(as.brk()).isEqualTo(old);
        assertThat(f.kernel.count("out_of_memory")).isEqualTo(1);
        assertThat(as.sbrk(0, 64L * PAGE)).isEqualTo(old);
    }

    @Test
    void shrinking_below_the_start_of_data_is_invalid() {
        var as = f.create(Fixture.image("under", PAGE, PAGE, 1 << 20));
        assertThat(Refusals.errno(() -> as.sbrk(0, -PAGE - 1))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.sbrk(0, Long.MIN_VALUE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.sbrk(0, Long.MAX_VALUE))).isEqualTo(Errno.ENOMEM);
        assertThat(as.brk()).isEqualTo(data + PAGE);
        assertThat(as.sbrk(0, -PAGE)).isEqualTo(data + PAGE);
        assertThat(as.brk()).isEqualTo(data);
    }
}
