package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;

/**
 * sproc(2) with PR_SADDR: "the new process will share ALL the virtual space of the parent, except the PRDA"; the
 * paper, section 5.1: "by the time control is returned to the process making the VM modification, all other
 * processes in the share group will also see that modification".
 */
class ShareGroupTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = Prot.READ | Prot.WRITE;
    private final Fixture f = new Fixture(64);
    private final long data = Fixture.TEXT + PAGE;

    private AddressSpace creator() {
        var a = f.create(Fixture.image("group", PAGE, 2 * PAGE, 16 * PAGE));
        f.store(a, data, 11);
        f.store(a, Fixture.STACK_TOP - 4, 13);
        return a;
    }

    /** Records, for every entry a pmap remove takes out, whether its frame was still in use at that moment. */
    private List<String> watchRemoves() {
        List<String> seen = new ArrayList<>();
        f.mmu.onRemove = (pmap, frame) -> seen.add((pmap.destroyed ? "dead " : "")
                + (f.mm().frames.references(frame) > 0 ? "in use" : "FREED") + " frame " + frame);
        return seen;
    }

    @Test
    void two_views_see_each_others_stores_each_through_its_own_pmap() {
        var a = creator();
        var b = a.share(0);

        assertThat(b).isNotNull();
        assertThat(b.pmap()).isNotSameAs(a.pmap());
        assertThat(f.load(b, data)).isEqualTo(11);
        // sproc(2): "The new process can reference the parent's stack."
        assertThat(f.load(b, Fixture.STACK_TOP - 4)).isEqualTo(13);
        f.store(b, data + PAGE, 22);
        assertThat(f.pmap(a).at(data + PAGE)).as("a fault enters only the faulting view's pmap").isNull();
        assertThat(f.load(a, data + PAGE)).isEqualTo(22);
        assertThat(f.pmap(a).frameAt(data + PAGE)).isEqualTo(f.pmap(b).frameAt(data + PAGE));
        assertThat(b.brk()).isEqualTo(a.brk());
        assertThat(f.kernel.count("vm_share_views")).isEqualTo(1);
        assertThat(((RegionAddressSpace) a).views()).isEqualTo(2);
    }

    @Test
    void share_copies_nothing_and_charges_one_kernel_op() {
        var a = creator();
        long free = f.vm.freeFrames();
        long charged = f.kernel.charged;

        a.share(0);

        assertThat(f.vm.freeFrames()).isEqualTo(free);
        assertThat(f.kernel.charged - charged).isEqualTo(FakeMachine.KERNEL_OP);
        assertThat(f.pmap(a).at(data).prot()).as("no write protection: nothing is copy-on-write").isEqualTo(RW);
    }

    @Test
    void a_mapping_and_break_growth_by_one_member_are_there_for_all_at_once() {
        var a = creator();
        var b = a.share(0);

        long map = b.mmap(0, 0, 2L * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        long old = b.sbrk(0, 2L * PAGE);

        assertThat(map).isPositive();
        f.store(b, map + PAGE, 5);
        assertThat(f.load(a, map + PAGE)).isEqualTo(5);
        assertThat(a.brk()).isEqualTo(old + 2L * PAGE);
        f.store(a, old + PAGE, 6);
        assertThat(f.load(b, old + PAGE)).isEqualTo(6);
        assertThat(a.mmap(0, 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS)).as("placed around b's mapping")
                .isEqualTo(map - PAGE);
    }

    @Test
    void munmap_by_one_member_takes_the_page_out_of_every_pmap_before_its_frame_is_freed() {
        var a = creator();
        var b = a.share(0);
        var c = a.share(0);
        long map = a.mmap(0, 0, 2L * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        f.store(a, map, 1);
        f.load(b, map);
        f.load(c, map);
        int frame = f.pmap(a).frameAt(map);
        long free = f.vm.freeFrames();
        List<String> removed = watchRemoves();

        b.munmap(0, map, 2L * PAGE);

        assertThat(removed).as("one shootdown per member, each while the frame was still held")
                .containsExactly("in use frame " + frame, "in use frame " + frame, "in use frame " + frame);
        for (var v : new AddressSpace[] {a, b, c}) {
            assertThat(f.pmap(v).at(map)).isNull();
            assertThat(f.canLoad(v, map)).isFalse();
            assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        }
        assertThat(f.vm.freeFrames()).isEqualTo(free + 1);
    }

    @Test
    void shrinking_the_break_by_one_member_removes_the_others_translations_first() {
        var a = creator();
        var b = a.share(0);
        f.store(a, data + PAGE, 2);
        assertThat(f.load(b, data + PAGE)).isEqualTo(2);
        int frame = f.pmap(a).frameAt(data + PAGE);
        long free = f.vm.freeFrames();
        List<String> removed = watchRemoves();

        assertThat(b.sbrk(0, -PAGE)).isEqualTo(data + 2L * PAGE);

        assertThat(removed).containsExactly("in use frame " + frame, "in use frame " + frame);
        assertThat(f.pmap(a).at(data + PAGE)).isNull();
        assertThat(f.pmap(b).at(data + PAGE)).isNull();
        assertThat(f.canLoad(a, data + PAGE)).as("past the break for every member").isFalse();
        assertThat(f.vm.freeFrames()).isEqualTo(free + 1);
        assertThat(f.load(a, data)).isEqualTo(11);
    }

    @Test
    void mprotect_by_one_member_lowers_the_protection_in_every_pmap() {
        var a = creator();
        var b = a.share(0);
        f.load(b, data);
        assertThat(f.pmap(a).at(data).prot()).isEqualTo(RW);

        b.mprotect(0, data, PAGE, Prot.READ);

        assertThat(f.pmap(a).at(data).prot()).isEqualTo(Prot.READ);
        assertThat(f.canStore(a, data)).isFalse();
        assertThat(f.canStore(b, data)).isFalse();
        assertThat(f.load(a, data)).isEqualTo(11);
    }

    @Test
    void a_segment_attached_by_one_member_is_reachable_by_all_and_detached_for_all() {
        var a = creator();
        var b = a.share(0);
        var seg = f.vm.createSegment(0, PAGE);
        // sproc(2), PR_SADDR: "If one process in a share group attaches to a shared memory segment, all processes in
        // the group can access that segment."
        long at = a.attach(0, seg, 0, RW);
        f.store(a, at, 9);
        assertThat(f.load(b, at)).isEqualTo(9);
        assertThat(seg.attachments()).as("one attachment in the group's one image").isEqualTo(1);

        assertThat(b.detach(0, at)).isSameAs(seg);

        assertThat(f.pmap(a).at(at)).isNull();
        assertThat(f.canLoad(a, at)).isFalse();
        assertThat(seg.attachments()).isZero();
    }

    @Test
    void a_copy_on_write_copy_by_one_member_is_what_the_others_see_next() {
        var a = creator();
        var forked = a.fork(0); // the group's data is now copy-on-write with this outsider
        var b = a.share(0);
        assertThat(f.load(b, data)).isEqualTo(11);
        assertThat(f.pmap(b).at(data).prot()).isEqualTo(Prot.READ);
        int old = f.pmap(b).frameAt(data);

        f.store(a, data, 12);

        assertThat(f.pmap(b).at(data)).as("b's entry for the old frame is gone").isNull();
        assertThat(f.load(b, data)).isEqualTo(12);
        assertThat(f.pmap(b).frameAt(data)).isNotEqualTo(old);
        assertThat(f.load(forked, data)).isEqualTo(11);
        f.store(b, data, 14);
        assertThat(f.load(a, data)).isEqualTo(14);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
    }

    @Test
    void fork_of_a_member_copies_the_groups_image_and_later_group_changes_are_not_seen() {
        var a = creator();
        var b = a.share(0);
        long top = b.newStack(0, 4L * PAGE, 8L * PAGE);
        f.store(b, top - 4, 31);
        long map = a.mmap(0, 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        long shared = a.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(a, map, 41);
        f.store(a, shared, 51);

        var child = b.fork(0);

        // Barton and Wagner: "a fork ... leaves any visible stack or other regions from the share group as copy-on-write
        // elements of the new process".
        assertThat(f.load(child, top - 4)).isEqualTo(31);
        assertThat(f.load(child, Fixture.STACK_TOP - 4)).as("the creator's stack too").isEqualTo(13);
        assertThat(f.load(child, map)).isEqualTo(41);
        assertThat(child.stackTop()).as("the child grows b's stack").isEqualTo(top);
        f.store(a, map, 42);
        f.store(b, top - 4, 32);
        a.munmap(0, map, PAGE);
        a.sbrk(0, PAGE);
        f.store(a, shared, 52);
        assertThat(f.load(child, map)).isEqualTo(41);
        assertThat(f.load(child, top - 4)).isEqualTo(31);
        assertThat(child.brk()).isEqualTo(a.brk() - PAGE);
        assertThat(f.load(child, shared)).as("MAP_SHARED stays shared across fork").isEqualTo(52);
        assertThat(f.canStore(child, top - 3 * PAGE)).as("its own stack grows").isTrue();
        assertThat(f.canStore(child, Fixture.STACK_TOP - 3 * PAGE)).as("the creator's copy does not").isFalse();
        assertThat(((RegionAddressSpace) child).views()).isEqualTo(1);
    }

    @Test
    void fork_of_the_group_write_protects_every_members_writable_entries() {
        var a = creator();
        var b = a.share(0);
        f.store(b, data, 3);
        assertThat(f.pmap(b).at(data).prot()).isEqualTo(RW);

        var child = a.fork(0);

        assertThat(f.pmap(a).at(data).prot()).isEqualTo(Prot.READ);
        assertThat(f.pmap(b).at(data).prot()).isEqualTo(Prot.READ);
        f.store(b, data, 4);
        assertThat(f.load(child, data)).isEqualTo(3);
        assertThat(f.load(a, data)).isEqualTo(4);
    }

    @Test
    void a_member_that_exits_takes_its_stack_out_of_the_group() {
        var a = creator();
        var b = a.share(0);
        long top = b.newStack(0, 4L * PAGE, 8L * PAGE);
        f.store(b, top - 4, 7);
        f.store(b, top - 2 * PAGE, 8);
        assertThat(f.load(a, top - 4)).isEqualTo(7);
        long free = f.vm.freeFrames();
        List<String> removed = watchRemoves();

        b.destroy(0);

        // sproc(2): "If one member of a share group exits or otherwise dies, its stack is removed from the virtual
        // space of the share group."
        assertThat(removed).isNotEmpty().allMatch(s -> s.contains("in use"));
        assertThat(f.pmap(a).at(top - PAGE)).isNull();
        assertThat(f.canLoad(a, top - 4)).isFalse();
        assertThat(f.vm.freeFrames()).as("its two stack pages").isEqualTo(free + 2);
        assertThat(f.pmap(b).destroyed).isTrue();
        assertThat(((RegionAddressSpace) a).views()).isEqualTo(1);
        assertThat(f.load(a, data)).isEqualTo(11);
    }

    @Test
    void the_creators_stack_stays_when_it_exits_and_the_last_member_frees_every_frame() {
        var a = creator();
        var b = a.share(0);
        long top = b.newStack(0, 4L * PAGE, 8L * PAGE);
        f.store(b, top - 4, 7);
        f.load(b, sprocket.api.sys.Prctl.PRDA_USR);

        a.destroy(0);

        // sproc(2): "If the process which first created the share group exits, its stack is not removed. This
        // ensures continued access by other share group members to the environment and starting argument vectors."
        assertThat(f.pmap(a).destroyed).isTrue();
        assertThat(f.load(b, Fixture.STACK_TOP - 4)).isEqualTo(13);
        assertThat(f.load(b, data)).isEqualTo(11);
        assertThat(f.canStore(b, Fixture.STACK_TOP - 3 * PAGE)).as("nobody grows it now").isFalse();
        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
        assertThat(f.mm().texts.size()).isZero();
    }

    @Test
    void members_may_exit_in_any_order_and_the_last_one_frees_everything() {
        var a = creator();
        var b = a.share(0);
        var c = b.share(0);
        c.newStack(0, 4L * PAGE, 8L * PAGE);
        long map = c.mmap(0, 0, 2L * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(c, map, 1);
        f.store(c, c.stackTop() - 4, 2);

        c.destroy(0);
        assertThat(f.load(b, map)).isEqualTo(1);
        a.destroy(0);
        assertThat(f.load(b, map)).isEqualTo(1);
        b.destroy(0);

        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }

    @Test
    void a_view_used_after_destroy_is_a_kernel_bug() {
        var a = creator();
        var b = a.share(0);
        b.destroy(0);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> b.share(0));
        assertThat(f.load(a, data)).isEqualTo(11);
    }
}
