package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;

/**
 * fork(2) hands the child the parent's page maps by reference (SVR4's anon_map): no frame count changes and no
 * page map is copied until a side changes a page, a child that exits without writing gives back nothing but its
 * reference, and a parent whose pmap is read-only already is not write-protected again.
 */
class PageMapSharingTest {
    private static final int PAGE = Fixture.PAGE;
    private final Fixture f = new Fixture(64);
    private final long data = Fixture.TEXT + PAGE;
    private final long stackPage = Fixture.STACK_TOP - PAGE;

    private AddressSpace parent() {
        var p = f.create(Fixture.image("sh", PAGE, 2 * PAGE, 16 * PAGE));
        f.store(p, data, 11);
        f.store(p, data + PAGE, 12);
        f.store(p, Fixture.STACK_TOP - 4, 13);
        return p;
    }

    private int references(AddressSpace as, long vaddr) {
        return f.mm().frames.references(f.pmap(as).frameAt(vaddr));
    }

    private static boolean copyOnWrite(AddressSpace as, long vaddr) {
        return ((RegionAddressSpace) as).copyOnWrite(vaddr);
    }

    @Test
    void fork_counts_no_frame_again_yet_every_private_page_is_copy_on_write_on_both_sides() {
        var parent = parent();
        int frame = f.pmap(parent).frameAt(data);

        var child = parent.fork(0);

        assertThat(f.mm().frames.references(frame)).as("one page map holds it, whoever holds the map").isEqualTo(1);
        assertThat(copyOnWrite(parent, data)).isTrue();
        assertThat(copyOnWrite(child, data)).isTrue();
        assertThat(f.pmap(parent).at(data).prot()).isEqualTo(Prot.READ);
        assertThat(f.load(child, data)).isEqualTo(11);
        assertThat(f.pmap(child).at(data).prot()).as("a read maps it read-only").isEqualTo(Prot.READ);
    }

    @Test
    void two_forks_without_writes_then_writes_on_every_side_copy_only_while_another_side_still_holds_the_page() {
        var parent = parent();
        var first = parent.fork(0);
        var second = parent.fork(0);
        int original = f.pmap(parent).frameAt(data);
        int freeBefore = (int) f.vm.freeFrames();

        f.store(first, data, 1);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
        assertThat(references(first, data)).as("the first child's own copy").isEqualTo(1);
        assertThat(f.mm().frames.references(original)).as("still the map the parent and second child hold").isEqualTo(1);
        assertThat(references(parent, data + PAGE)).as("the first child's map and theirs").isEqualTo(2);

        f.store(parent, data, 2);
        assertThat(f.kernel.count("cow_copies")).as("the second child still holds it").isEqualTo(2);
        assertThat(copyOnWrite(second, data)).as("the second child is left the only holder").isFalse();

        f.store(second, data, 3);
        assertThat(f.kernel.count("cow_copies")).as("the last holder writes in place").isEqualTo(2);
        assertThat(f.pmap(second).frameAt(data)).isEqualTo(original);
        assertThat(f.vm.freeFrames()).isEqualTo(freeBefore - 2);

        assertThat(f.load(first, data)).isEqualTo(1);
        assertThat(f.load(parent, data)).isEqualTo(2);
        assertThat(f.load(second, data)).isEqualTo(3);
        for (var as : new AddressSpace[] {parent, first, second}) {
            assertThat(f.load(as, data + PAGE)).as("never written after the forks").isEqualTo(12);
            assertThat(f.load(as, Fixture.STACK_TOP - 4)).isEqualTo(13);
        }
        assertThat(references(parent, data + PAGE)).as("three page maps now hold it").isEqualTo(3);
        assertThat(copyOnWrite(second, data + PAGE)).isTrue();

        first.destroy(0);
        second.destroy(0);
        parent.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }

    @Test
    void a_child_that_exits_without_writing_gives_back_only_its_reference() {
        var parent = parent();
        int frame = f.pmap(parent).frameAt(data);
        int freeBefore = (int) f.vm.freeFrames();
        var child = parent.fork(0);
        assertThat(f.load(child, data)).isEqualTo(11);

        child.destroy(0);

        assertThat(f.vm.freeFrames()).isEqualTo(freeBefore);
        assertThat(f.mm().frames.references(frame)).isEqualTo(1);
        assertThat(copyOnWrite(parent, data)).as("the parent holds its page map alone again").isFalse();
        assertThat(f.load(parent, data)).isEqualTo(11);
    }

    @Test
    void the_parent_writing_after_its_child_exited_gets_its_page_back_without_a_copy() {
        var parent = parent();
        int frame = f.pmap(parent).frameAt(data);
        int freeBefore = (int) f.vm.freeFrames();
        parent.fork(0).destroy(0);

        f.store(parent, data, 7);

        assertThat(f.kernel.count("cow_copies")).isZero();
        assertThat(f.pmap(parent).frameAt(data)).isEqualTo(frame);
        assertThat(f.pmap(parent).at(data).prot()).isEqualTo(Prot.READ | Prot.WRITE);
        assertThat(f.vm.freeFrames()).isEqualTo(freeBefore);
        assertThat(f.load(parent, data)).isEqualTo(7);
    }

    @Test
    void a_second_fork_of_an_unchanged_parent_write_protects_nothing_again() {
        var parent = parent();
        parent.fork(0).destroy(0);
        int protects = f.pmap(parent).protects;

        var child = parent.fork(0);
        assertThat(f.pmap(parent).protects).as("every entry is read-only already").isEqualTo(protects);

        f.store(parent, data, 5); // the child still holds the page: a copy, mapped writable
        assertThat(f.pmap(parent).at(data).prot()).isEqualTo(Prot.READ | Prot.WRITE);
        var third = parent.fork(0);
        assertThat(f.pmap(parent).protects).as("a writable entry was entered since").isEqualTo(protects + 1);
        assertThat(f.pmap(parent).at(data).prot()).isEqualTo(Prot.READ);
        assertThat(f.load(third, data)).isEqualTo(5);
        assertThat(f.load(child, data)).isEqualTo(11);
    }

    @Test
    void mprotect_read_write_keeps_a_page_map_shared_with_a_child_write_protected() {
        var parent = parent();
        var child = parent.fork(0);
        parent.mprotect(0, data, 2L * PAGE, Prot.READ);
        parent.mprotect(0, data, 2L * PAGE, Prot.READ | Prot.WRITE);
        assertThat(f.pmap(parent).at(data).prot()).isEqualTo(Prot.READ);

        var grandchild = parent.fork(0);
        assertThat(f.load(grandchild, data)).isEqualTo(11);
        f.store(parent, data, 4);
        assertThat(f.load(child, data)).isEqualTo(11);
        assertThat(f.load(grandchild, data)).isEqualTo(11);
    }

    @Test
    void fork_charges_a_kernel_op_per_pregion_whatever_is_resident() {
        var parent = parent();
        long before = f.kernel.charged;
        parent.fork(0);
        long small = f.kernel.charged - before;
        assertThat(small).as("text, data, stack").isEqualTo(3 * FakeMachine.KERNEL_OP);

        long map = parent.mmap(0, 0, 8L * PAGE, Prot.READ | Prot.WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        for (int i = 0; i < 8; i++) {
            f.store(parent, map + (long) i * PAGE, i);
        }
        before = f.kernel.charged;
        parent.fork(0);
        assertThat(f.kernel.charged - before).as("one more pregion, eight more pages").isEqualTo(4 * FakeMachine.KERNEL_OP);
    }

    @Test
    void unmapping_or_shrinking_in_the_parent_after_fork_leaves_the_child_its_pages() {
        var parent = parent();
        long map = parent.mmap(0, 0, 4L * PAGE, Prot.READ | Prot.WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        for (int i = 0; i < 4; i++) {
            f.store(parent, map + (long) i * PAGE, 40 + i);
        }
        var child = parent.fork(0);

        parent.munmap(0, map + PAGE, 2L * PAGE);
        assertThat(parent.sbrk(0, -PAGE)).isPositive();

        for (int i = 0; i < 4; i++) {
            assertThat(f.load(child, map + (long) i * PAGE)).isEqualTo(40 + i);
        }
        assertThat(f.load(child, data + PAGE)).isEqualTo(12);
        assertThat(f.load(parent, map)).isEqualTo(40);
        assertThat(f.load(parent, map + 3L * PAGE)).isEqualTo(43);
        assertThat(f.canLoad(parent, data + PAGE)).as("past the parent's break").isFalse();
        assertThat(f.kernel.count("cow_copies")).isZero();
        parent.destroy(0);
        child.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }

    @Test
    void a_stack_grown_past_its_page_map_after_fork_keeps_what_both_sides_see() {
        var parent = parent();
        var child = parent.fork(0);

        f.store(child, Fixture.STACK_TOP - 9 * PAGE, 9); // past the four slots the stack's page map started with

        assertThat(f.load(child, Fixture.STACK_TOP - 4)).isEqualTo(13);
        assertThat(f.canLoad(parent, Fixture.STACK_TOP - 9 * PAGE)).isTrue();
        assertThat(f.load(parent, Fixture.STACK_TOP - 9 * PAGE)).as("a fresh zero page").isZero();
        f.store(parent, stackPage, 14);
        assertThat(f.load(child, stackPage)).isEqualTo(0);
        assertThat(f.load(child, Fixture.STACK_TOP - 4)).isEqualTo(13);
        parent.destroy(0);
        child.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }
}
