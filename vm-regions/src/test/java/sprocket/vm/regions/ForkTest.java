package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;

/**
 * Barton and Wagner, section 6.2: "the standard fork() operations are performed, providing copy-on-write access
 * to the VM image".
 */
class ForkTest {
    private static final int PAGE = Fixture.PAGE;
    private final Fixture f = new Fixture(64);
    private final long data = Fixture.TEXT + PAGE;

    private AddressSpace parent() {
        var p = f.create(Fixture.image("sh", PAGE, 2 * PAGE, 16 * PAGE));
        f.load(p, Fixture.TEXT);
        f.store(p, data, 11);
        f.store(p, data + PAGE, 12);
        f.store(p, Fixture.STACK_TOP - 4, 13);
        return p;
    }

    @Test
    void a_write_in_the_child_is_not_seen_by_the_parent() {
        var parent = parent();
        var child = parent.fork(0);
        assertThat(child).isNotNull();
        assertThat(child.brk()).isEqualTo(parent.brk());

        f.store(child, data, 99);
        f.store(child, Fixture.STACK_TOP - 4, 98);

        assertThat(f.load(parent, data)).isEqualTo(11);
        assertThat(f.load(parent, Fixture.STACK_TOP - 4)).isEqualTo(13);
        assertThat(f.load(child, data)).isEqualTo(99);
        assertThat(f.load(child, data + PAGE)).as("inherited").isEqualTo(12);

        f.store(parent, data + PAGE, 77);
        assertThat(f.load(child, data + PAGE)).isEqualTo(12);
    }

    @Test
    void fork_shares_frames_copy_on_write_and_copies_only_what_is_written() {
        var parent = parent();
        int freeBefore = (int) f.vm.freeFrames();

        var child = parent.fork(0);

        assertThat(f.vm.freeFrames()).as("fork itself copies nothing").isEqualTo(freeBefore);
        assertThat(f.pmap(parent).at(data).prot()).as("parent write-protected").isEqualTo(Prot.READ);
        assertThat(f.load(child, data)).isEqualTo(11);
        assertThat(f.pmap(child).frameAt(data)).isEqualTo(f.pmap(parent).frameAt(data));
        assertThat(f.pmap(child).at(data).prot()).isEqualTo(Prot.READ);

        f.store(child, data, 1);

        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
        // Four zero fills, a kernel op for each of the child's three pregions, one copy.
        assertThat(f.kernel.charged)
                .isEqualTo(4 * FakeMachine.PAGE_ZERO + 3 * FakeMachine.KERNEL_OP + FakeMachine.PAGE_COPY);
        assertThat(f.vm.freeFrames()).isEqualTo(freeBefore - 1);
        assertThat(f.pmap(child).frameAt(data)).isNotEqualTo(f.pmap(parent).frameAt(data));
    }

    @Test
    void a_frame_left_with_one_reference_is_made_writable_again_without_a_copy() {
        var parent = parent();
        var child = parent.fork(0);
        f.store(child, data, 5);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);

        f.store(parent, data, 6);

        assertThat(f.kernel.count("cow_copies")).as("the child already took its copy").isEqualTo(1);
        assertThat(f.load(parent, data)).isEqualTo(6);
        child.destroy(0);
        f.store(parent, Fixture.STACK_TOP - 4, 7);
        assertThat(f.kernel.count("cow_copies")).as("the child has gone").isEqualTo(1);
    }

    @Test
    void text_is_shared_with_the_child_and_outlives_the_parent() {
        var parent = parent();
        var child = parent.fork(0);
        f.load(child, Fixture.TEXT);
        assertThat(f.pmap(child).frameAt(Fixture.TEXT)).isEqualTo(f.pmap(parent).frameAt(Fixture.TEXT));
        parent.destroy(0);
        assertThat(child.residentPages()).isEqualTo(4);
        assertThat(f.load(child, data + PAGE)).isEqualTo(12);
        assertThat(f.vm.freeFrames()).isEqualTo(60);
        child.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }

    @Test
    void the_child_keeps_the_parents_grown_stack_and_break() {
        var parent = parent();
        f.store(parent, Fixture.STACK_TOP - 6 * PAGE, 21);
        parent.sbrk(0, 3 * PAGE);
        var child = parent.fork(0);
        assertThat(f.load(child, Fixture.STACK_TOP - 6 * PAGE)).isEqualTo(21);
        assertThat(child.brk()).isEqualTo(parent.brk());
        assertThat(f.canStore(child, parent.brk() - 1)).isTrue();
        child.destroy(0);
        parent.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }
}
