package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/**
 * sproc(2): "These stack regions grow downward, and are automatically grown if the process accesses new areas of
 * the stack ... up to the maximum permissible size (specified via the resource limit RLIMIT_STACK)".
 */
class StackGrowthTest {
    private static final int PAGE = Fixture.PAGE;
    private final Fixture f = new Fixture(64);

    @Test
    void the_stack_grows_down_on_a_fault_just_below_it() {
        var as = f.create(Fixture.image("deep", PAGE, PAGE, 16 * PAGE));
        f.store(as, Fixture.STACK_TOP - 4, 1);

        f.store(as, Fixture.STACK_TOP - PAGE - 4, 2);
        f.store(as, Fixture.STACK_TOP - 10 * PAGE, 3);

        assertThat(as.residentPages()).as("only the touched pages are filled").isEqualTo(3);
        assertThat(f.load(as, Fixture.STACK_TOP - 4)).isEqualTo(1);
        assertThat(f.load(as, Fixture.STACK_TOP - PAGE - 4)).isEqualTo(2);
        assertThat(f.load(as, Fixture.STACK_TOP - 10 * PAGE)).isEqualTo(3);
        assertThat(f.load(as, Fixture.STACK_TOP - 5 * PAGE)).as("the pages grown over are zero").isZero();
    }

    @Test
    void the_stack_does_not_grow_beyond_its_limit() {
        var as = f.create(Fixture.image("overflow", PAGE, PAGE, 16 * PAGE));
        assertThat(f.canStore(as, Fixture.STACK_TOP - 16 * PAGE)).as("the last page within RLIMIT_STACK").isTrue();
        assertThat(f.canStore(as, Fixture.STACK_TOP - 16 * PAGE - 1)).isFalse();
        assertThat(as.residentPages()).isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
    }

    @Test
    void a_stack_grown_once_stays_grown_for_later_faults() {
        var as = f.create(Fixture.image("twice", PAGE, PAGE, 16 * PAGE));
        f.store(as, Fixture.STACK_TOP - 8 * PAGE, 1);
        assertThat(f.canStore(as, Fixture.STACK_TOP - 3 * PAGE)).isTrue();
        assertThat(as.residentPages()).isEqualTo(2);
    }

    @Test
    void an_unlimited_stack_may_grow_down_to_the_break_and_leaves_sbrk_no_room() {
        var as = f.create(Fixture.image("unlimited", PAGE, PAGE, Long.MAX_VALUE));
        long brk = as.brk();
        assertThat(f.canStore(as, brk)).as("the page just above the break").isTrue();
        assertThat(Refusals.errno(() -> as.sbrk(0, 1))).isEqualTo(Errno.ENOMEM);
        assertThat(as.brk()).isEqualTo(brk);
    }
}
