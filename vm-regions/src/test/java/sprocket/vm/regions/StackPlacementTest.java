package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_FIXED;
import static sprocket.api.sys.Mman.MAP_PRIVATE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;

/**
 * sproc(2): "If the argument sp is set to NULL then the system will create a stack region for the child. This stack
 * region will not overlap with any other area of the share group's address space ... The len argument specifies how
 * much margin (in bytes) the system should attempt to leave for the child's stack. This margin is used when the
 * system attempts to place additional stacks or other virtual spaces (e.g. from mmap)."
 */
class StackPlacementTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    /** The creator's RLIMIT_STACK: its reserve is [STACK_FLOOR, STACK_TOP). */
    private static final long STACK_FLOOR = Fixture.STACK_TOP - 16L * PAGE;
    private final Fixture f = new Fixture(64);
    private final AddressSpace creator = f.create(Fixture.image("sp", PAGE, PAGE, 16L * PAGE));

    @Test
    void stacks_go_top_down_below_the_creators_reserve_each_leaving_its_margin() {
        var b = creator.share(0);
        var c = creator.share(0);

        long bTop = b.newStack(0, 8L * PAGE, 16L * PAGE);
        long cTop = c.newStack(0, 8L * PAGE, 16L * PAGE);

        assertThat(bTop).isEqualTo(STACK_FLOOR);
        assertThat(b.stackTop()).isEqualTo(bTop);
        assertThat(cTop).as("below b's whole margin").isEqualTo(bTop - 8L * PAGE);
        assertThat(f.kernel.count("vm_new_stacks")).isEqualTo(2);
        assertThat(f.kernel.count("vm_margins_given_up")).isZero();
        assertThat(f.vm.freeFrames()).as("one page attached, none resident").isEqualTo(64);
        f.store(c, cTop - 4, 3);
        assertThat(f.load(b, cTop - 4)).as("visible to every member").isEqualTo(3);
    }

    @Test
    void a_margin_is_rounded_up_to_pages_and_is_at_least_the_first_page() {
        var b = creator.share(0);
        var c = creator.share(0);
        long bTop = b.newStack(0, 0, 16L * PAGE);
        long cTop = c.newStack(0, PAGE + 1, 16L * PAGE);
        assertThat(cTop).isEqualTo(bTop - PAGE);
        assertThat(creator.mmap(0, 0, PAGE, RW, ANON)).isEqualTo(cTop - 3L * PAGE);
    }

    @Test
    void kernel_chosen_mappings_and_attachments_keep_out_of_unclaimed_margins() {
        var b = creator.share(0);
        long top = b.newStack(0, 8L * PAGE, 16L * PAGE);

        long map = creator.mmap(0, 0, 2L * PAGE, RW, ANON);
        long seg = creator.attach(0, f.vm.createSegment(0, PAGE), 0, RW);
        long hinted = creator.mmap(0, top - 4L * PAGE, PAGE, RW, ANON);

        assertThat(map).isEqualTo(top - 10L * PAGE);
        assertThat(seg).isEqualTo(map - PAGE);
        assertThat(hinted).as("a hint into a margin is not taken").isEqualTo(seg - PAGE);
        assertThat(creator.mmap(0, top - 4L * PAGE, PAGE, RW, ANON | MAP_FIXED)).as("MAP_FIXED may")
                .isEqualTo(top - 4L * PAGE);
    }

    @Test
    void when_crowded_margins_are_given_up_and_with_no_hole_left_it_is_enomem() {
        // Room for kernel placements between the data's reserve and the creator's stack reserve: 16 pages.
        var g = new Fixture(64, 4L * PAGE);
        long dataBase = Fixture.TEXT + PAGE;
        long reserve = Fixture.STACK_TOP - (dataBase + 20L * PAGE);
        var a = g.create(Fixture.image("crowd", PAGE, PAGE, reserve));
        var b = a.share(0);
        var c = a.share(0);
        var d = a.share(0);

        long bTop = b.newStack(0, 8L * PAGE, 64L * PAGE);
        long cTop = c.newStack(0, 8L * PAGE, 64L * PAGE);
        assertThat(bTop).isEqualTo(dataBase + 20L * PAGE);
        assertThat(cTop).isEqualTo(dataBase + 12L * PAGE);
        assertThat(g.kernel.count("vm_margins_given_up")).isZero();

        // sproc(2): "if the share group's virtual space gets crowded, parts of the stack that haven't yet been claimed
        // could be used for additional stacks or other requested virtual spaces."
        long map = a.mmap(0, 0, PAGE, RW, ANON);
        assertThat(map).as("the highest page free of pregions, in b's margin").isEqualTo(bTop - 2L * PAGE);
        assertThat(g.kernel.count("vm_margins_given_up")).isEqualTo(1);
        long dTop = d.newStack(0, 8L * PAGE, 64L * PAGE);
        assertThat(dTop).as("into the creator's unclaimed reserve, under its stack page")
                .isEqualTo(Fixture.STACK_TOP - PAGE);
        assertThat(g.kernel.count("vm_margins_given_up")).isEqualTo(2);

        int pregions = ((RegionAddressSpace) a).pregionCount();
        long biggestHole = (Fixture.STACK_TOP - 2L * PAGE) - (dataBase + 20L * PAGE);
        var e = a.share(0);
        // sproc(2): ENOMEM "If there is not enough virtual space to allocate a new stack."
        assertThat(Refusals.errno(() -> e.newStack(0, biggestHole + PAGE, 64L * PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> e.newStack(0, Long.MAX_VALUE, 64L * PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(((RegionAddressSpace) a).pregionCount()).isEqualTo(pregions);
        assertThat(g.kernel.count("vm_new_stacks")).isEqualTo(3);
        assertThat(e.newStack(0, biggestHole, 64L * PAGE)).as("the exact hole fits")
                .isEqualTo(Fixture.STACK_TOP - 2L * PAGE);
    }

    @Test
    void a_stack_grows_only_for_its_owner_and_only_as_far_as_its_limit() {
        var b = creator.share(0);
        long top = b.newStack(0, 8L * PAGE, 4L * PAGE);

        assertThat(f.canLoad(creator, top - 4)).as("its first page is the group's").isTrue();
        assertThat(f.canStore(creator, top - 2L * PAGE)).as("another member's fault does not grow it").isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        f.store(b, top - 2L * PAGE, 5);
        assertThat(f.load(creator, top - 2L * PAGE)).as("grown for all").isEqualTo(5);
        assertThat(f.canStore(b, top - 4L * PAGE)).as("the last page within the limit").isTrue();
        assertThat(f.canStore(b, top - 4L * PAGE - 4)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
    }

    @Test
    void a_stack_grows_past_its_margin_but_never_into_another_pregion() {
        var b = creator.share(0);
        var c = creator.share(0);
        long bTop = b.newStack(0, 2L * PAGE, 64L * PAGE);
        long cTop = c.newStack(0, 2L * PAGE, 64L * PAGE);
        assertThat(cTop).isEqualTo(bTop - 2L * PAGE);

        // sproc(2): "Note that there are no 'red' zones"; growth goes on "as long as it doesn't run into any other
        // virtual space of the share group".
        assertThat(f.canStore(b, bTop - 2L * PAGE)).as("down to the bottom of its margin").isTrue();
        f.store(b, cTop - 4, 77);
        assertThat(f.load(c, cTop - 4)).as("no red zone: b reaches c's stack").isEqualTo(77);
        assertThat(f.canStore(b, cTop - 2L * PAGE)).as("not grown past c's stack").isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.canStore(c, cTop - 2L * PAGE)).as("c grows below itself").isTrue();
        assertThat(creator.mmap(0, cTop - 6L * PAGE, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(cTop - 6L * PAGE);
        assertThat(f.canStore(c, cTop - 5L * PAGE)).isTrue();
        assertThat(f.canStore(c, cTop - 7L * PAGE)).as("not past a mapping").isFalse();
    }

    @Test
    void virtual_size_counts_every_pregion_the_prda_and_the_unclaimed_margins_once() {
        // Text, data, the stack page, its 15 unclaimed reserve pages, the PRDA.
        assertThat(creator.virtualSize()).isEqualTo(19L * PAGE);
        var b = creator.share(0);
        long top = b.newStack(0, 8L * PAGE, 16L * PAGE);
        // sproc(2): "each time a process calls sproc, the total size of each member of the share group increases by
        // the size of the new process's stack."
        assertThat(b.virtualSize()).isEqualTo(27L * PAGE);
        f.store(b, top - 3L * PAGE, 1);
        assertThat(b.virtualSize()).as("growing claims its own margin").isEqualTo(27L * PAGE);
        assertThat(f.canStore(creator, top - 4L * PAGE)).as("b's margin is not the creator's to grow into").isFalse();
        assertThat(creator.mmap(0, top - 5L * PAGE, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(top - 5L * PAGE);
        assertThat(creator.virtualSize()).as("a mapping inside a margin is not counted twice").isEqualTo(27L * PAGE);
        f.store(b, top - 4L * PAGE, 1);
        assertThat(creator.virtualSize()).as("grown down to the mapping").isEqualTo(27L * PAGE);
        var c = creator.share(0);
        long cTop = c.newStack(0, PAGE, 16L * PAGE);
        assertThat(cTop).as("below b's margin and the mapping in it").isEqualTo(top - 8L * PAGE);
        f.store(c, cTop - 3L * PAGE, 1);
        assertThat(c.virtualSize()).as("three pages grown past its one-page margin").isEqualTo(30L * PAGE);
    }

    @Test
    void a_private_image_grows_the_new_stack_and_keeps_the_copied_one_still() {
        // sproc(2) without PR_SADDR: "the new process gets a copy-on-write image of the share group virtual address
        // space. In this case, the new stack is not visible in the share group virtual address space."
        f.store(creator, Fixture.STACK_TOP - 4, 9);
        var child = creator.fork(0);
        long top = child.newStack(0, 4L * PAGE, 8L * PAGE);

        assertThat(top).isEqualTo(STACK_FLOOR);
        assertThat(f.canStore(child, top - 2L * PAGE)).isTrue();
        assertThat(f.canLoad(creator, top - 4)).as("not in the parent's image").isFalse();
        assertThat(f.load(child, Fixture.STACK_TOP - 4)).isEqualTo(9);
        assertThat(f.canStore(child, Fixture.STACK_TOP - 2L * PAGE)).as("the copied stack no longer grows").isFalse();
        child.destroy(0);
        creator.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }
}
