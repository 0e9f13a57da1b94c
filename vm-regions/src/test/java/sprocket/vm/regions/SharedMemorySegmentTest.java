package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_FIXED;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Segment;

/** System V shared memory through the API: shmget's createSegment, shmat, shmdt, IPC_RMID, and fork and exit. */
class SharedMemorySegmentTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private static final long AT = 0x2000_0000L;
    private final Fixture f = new Fixture(64);
    private final AddressSpace a = f.create(Fixture.image("a", PAGE, PAGE, 16 * PAGE));
    private final AddressSpace b = f.create(Fixture.image("b", PAGE, PAGE, 16 * PAGE));

    private Segment segment(long bytes) {
        Segment s = f.vm.createSegment(0, bytes);
        assertThat(s).isNotNull();
        return s;
    }

    @Test
    void two_spaces_attaching_a_segment_share_its_frames() {
        Segment s = segment(2 * PAGE - 1);
        assertThat(s.bytes()).isEqualTo(2 * PAGE - 1);
        assertThat(s.attachments()).isZero();
        long x = a.attach(0, s, 0, RW);
        long y = b.attach(0, s, AT, RW);
        assertThat(y).isEqualTo(AT);
        assertThat(x & (PAGE - 1)).as("the system chooses a page-aligned address").isZero();
        assertThat(s.attachments()).isEqualTo(2);

        f.store(a, x + PAGE, 42);
        assertThat(f.load(b, y + PAGE)).isEqualTo(42);
        f.store(b, y, 7);
        assertThat(f.load(a, x)).isEqualTo(7);
        assertThat(f.pmap(a).frameAt(x)).isEqualTo(f.pmap(b).frameAt(y));
        assertThat(f.pmap(a).frameAt(x + PAGE)).isEqualTo(f.pmap(b).frameAt(y + PAGE));
        assertThat(f.vm.freeFrames()).as("two frames serve both spaces").isEqualTo(64 - 2);
        assertThat(f.kernel.count("cow_copies")).isZero();
    }

    @Test
    void a_chosen_address_goes_top_down_like_mmap() {
        Segment s = segment(PAGE);
        long mapped = a.mmap(0, 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        long attached = a.attach(0, s, 0, RW);
        assertThat(attached).as("just below the previous kernel-chosen mapping").isEqualTo(mapped - PAGE);
    }

    @Test
    void the_child_of_fork_inherits_the_attachment_and_counts() {
        // shmat(2): "After a fork(2), the child inherits the attached shared memory segments."
        Segment s = segment(PAGE);
        long x = a.attach(0, s, AT, RW);
        f.store(a, x, 1);
        AddressSpace child = a.fork(0);
        assertThat(s.attachments()).isEqualTo(2);

        f.store(child, x, 2);
        assertThat(f.load(a, x)).as("the parent sees the child's store: shared, not copied").isEqualTo(2);
        assertThat(child.detach(0, x)).isSameAs(s);
        assertThat(s.attachments()).isEqualTo(1);
        assertThat(f.load(a, x)).isEqualTo(2);
    }

    @Test
    void an_attachment_cut_by_munmap_and_mprotect_counts_once_across_fork_and_detaches_whole() {
        Segment s = segment(4 * PAGE);
        long x = a.attach(0, s, AT, RW);
        a.mprotect(0, x + PAGE, PAGE, PROT_READ);
        a.munmap(0, x + 2 * PAGE, PAGE);
        assertThat(a.mmap(0, x + 2 * PAGE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)).isEqualTo(x + 2 * PAGE);
        assertThat(s.attachments()).as("one attachment in pieces").isEqualTo(1);
        AddressSpace child = a.fork(0);
        assertThat(s.attachments()).isEqualTo(2);

        // shmdt(2) detaches "the shared memory segment located at the address specified by shmaddr"
        assertThat(a.detach(0, x)).isSameAs(s);
        assertThat(s.attachments()).isEqualTo(1);
        assertThat(f.canLoad(a, x)).isFalse();
        assertThat(f.canLoad(a, x + PAGE)).isFalse();
        assertThat(f.canLoad(a, x + 3 * PAGE)).as("the last piece, past the hole, goes too").isFalse();
        assertThat(f.canStore(a, x + 2 * PAGE)).as("the mapping in the hole stays").isTrue();
        assertThat(child.detach(0, x)).isSameAs(s);
        assertThat(s.attachments()).isZero();
    }

    @Test
    void detaching_an_attachment_whose_first_page_was_unmapped_still_takes_the_rest() {
        Segment s = segment(2 * PAGE);
        long x = a.attach(0, s, AT, RW);
        a.munmap(0, x, PAGE);
        assertThat(Refusals.errno(() -> a.detach(0, x + PAGE))).as("not where the attachment starts").isEqualTo(Errno.EINVAL);
        assertThat(a.detach(0, x)).isSameAs(s);
        assertThat(f.canLoad(a, x + PAGE)).isFalse();
        assertThat(s.attachments()).isZero();
    }

    @Test
    void detach_of_an_address_no_attachment_starts_at_is_null() {
        // shmdt(2): EINVAL "There is no shared memory segment attached at shmaddr"
        Segment s = segment(2 * PAGE);
        long x = a.attach(0, s, AT, RW);
        long anon = a.mmap(0, 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        assertThat(Refusals.errno(() -> a.detach(0, x + PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.detach(0, x + 1))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.detach(0, anon))).as("an mmap(2) mapping is no attachment").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> b.detach(0, x))).as("attached in another space only").isEqualTo(Errno.EINVAL);
        assertThat(s.attachments()).isEqualTo(1);
        assertThat(f.canStore(a, x + PAGE)).isTrue();
        assertThat(f.canStore(a, anon)).isTrue();
        assertThat(a.detach(0, x)).isSameAs(s);
        assertThat(Refusals.errno(() -> a.detach(0, x))).as("already detached").isEqualTo(Errno.EINVAL);
    }

    @Test
    void unmapping_the_whole_attachment_detaches_it() {
        Segment s = segment(2 * PAGE);
        long x = a.attach(0, s, AT, RW);
        a.munmap(0, x, PAGE);
        assertThat(s.attachments()).as("a page is left").isEqualTo(1);
        a.munmap(0, x + PAGE, PAGE);
        assertThat(s.attachments()).isZero();
        assertThat(Refusals.errno(() -> a.detach(0, x))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void exit_detaches_every_attachment() {
        // shmat(2): "Upon _exit(2), all attached shared memory segments are detached from the process."
        Segment s = segment(PAGE);
        a.attach(0, s, AT, RW);
        a.attach(0, s, 2 * AT, PROT_READ);
        b.attach(0, s, 0, RW);
        assertThat(s.attachments()).as("shm_nattch counts each shmat(2)").isEqualTo(3);
        a.destroy(0);
        assertThat(s.attachments()).isEqualTo(1);
        b.destroy(0);
        assertThat(s.attachments()).isZero();
    }

    @Test
    void a_removed_segment_keeps_its_pages_until_the_last_detach_then_frees_every_frame() {
        // shmctl(2) IPC_RMID: "The segment will actually be destroyed only after the last process detaches it"
        Segment s = segment(3 * PAGE);
        long x = a.attach(0, s, AT, RW);
        long y = b.attach(0, s, 0, RW);
        for (int i = 0; i < 3; i++) {
            f.store(a, x + (long) i * PAGE, 10 + i);
        }
        AddressSpace child = a.fork(0);
        long beforeRemoval = f.vm.freeFrames();
        f.vm.removeSegment(0, s);
        assertThat(f.vm.freeFrames()).isEqualTo(beforeRemoval);
        assertThat(Refusals.errno(() -> a.attach(0, s, 0, RW))).as("no attach after IPC_RMID").isEqualTo(Errno.EINVAL);

        assertThat(a.detach(0, x)).isSameAs(s);
        child.destroy(0);
        assertThat(f.load(b, y + 2 * PAGE)).as("still there for the last one").isEqualTo(12);
        long stillAttached = f.vm.freeFrames();
        assertThat(b.detach(0, y)).isSameAs(s);
        assertThat(s.attachments()).isZero();
        assertThat(f.vm.freeFrames()).as("the segment's three frames").isEqualTo(stillAttached + 3);
        a.destroy(0);
        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(f.vm.liveRegions()).as("text, data, stacks, copies and the segment all gone").isZero();
    }

    @Test
    void a_segment_nobody_removed_is_a_live_region_after_every_space_is_gone() {
        Segment s = segment(PAGE);
        long x = a.attach(0, s, AT, RW);
        assertThat(a.detach(0, x)).isSameAs(s);
        a.destroy(0);
        b.destroy(0);
        assertThat(f.vm.liveRegions()).as("the segment's region, never IPC_RMID'd").isEqualTo(1);
        f.vm.removeSegment(0, s);
        assertThat(f.vm.liveRegions()).isZero();
    }

    @Test
    void unmapping_one_of_two_attachments_in_one_space_leaves_the_other_its_pages() {
        Segment s = segment(2 * PAGE);
        long x = a.attach(0, s, AT, RW);
        long y = a.attach(0, s, 0, RW);
        f.store(a, x + PAGE, 5);
        f.vm.removeSegment(0, s); // now only the two attachments here hold the pages
        a.munmap(0, x, 2 * PAGE);
        assertThat(s.attachments()).isEqualTo(1);
        assertThat(f.load(a, y + PAGE)).as("the frame still backs the other attachment").isEqualTo(5);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
        assertThat(a.detach(0, y)).isSameAs(s);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_fork_after_removal_still_inherits_the_attachment() {
        Segment s = segment(PAGE);
        long x = a.attach(0, s, AT, RW);
        f.store(a, x, 3);
        f.vm.removeSegment(0, s);
        AddressSpace child = a.fork(0);
        assertThat(s.attachments()).isEqualTo(2);
        a.destroy(0);
        assertThat(f.load(child, x)).isEqualTo(3);
        child.destroy(0);
        assertThat(s.attachments()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_segment_attached_nowhere_is_freed_by_its_removal_and_outlives_its_users_until_then() {
        Segment s = segment(PAGE);
        long x = a.attach(0, s, AT, RW);
        f.store(a, x, 99);
        a.destroy(0);
        assertThat(f.vm.freeFrames()).as("the identifier holds the page").isEqualTo(63);
        long y = b.attach(0, s, 0, PROT_READ);
        assertThat(f.load(b, y)).isEqualTo(99);
        assertThat(f.canStore(b, y)).as("attached read-only").isFalse();
        assertThat(b.detach(0, y)).isSameAs(s);
        f.vm.removeSegment(0, s);
        f.vm.removeSegment(0, s); // a second IPC_RMID changes nothing
        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void exec_detaches_as_destroy_does() {
        // shmat(2): "After an execve(2), all attached shared memory segments are detached from the process."
        Segment s = segment(PAGE);
        a.attach(0, s, AT, RW);
        AddressSpace after = f.create(Fixture.image("new-program", PAGE, PAGE, 16 * PAGE));
        a.destroy(0); // what exec(2) does to the old space once the new one is made
        assertThat(s.attachments()).isZero();
        assertThat(Refusals.errno(() -> after.detach(0, AT))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void attaching_over_a_mapping_or_unaligned_or_outside_user_space_is_einval() {
        // shmat(2): EINVAL for an "unaligned ... or invalid shmaddr value, or can't attach segment at shmaddr"
        Segment s = segment(2 * PAGE);
        long anon = a.mmap(0, AT + PAGE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
        f.store(a, anon, 5);
        assertThat(Refusals.errno(() -> a.attach(0, s, AT, RW))).as("overlapping an mmap(2) mapping").isEqualTo(Errno.EINVAL);
        assertThat(f.load(a, anon)).as("the mapping was not replaced").isEqualTo(5);
        assertThat(Refusals.errno(() -> a.attach(0, s, AT + 0x10, RW))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.attach(0, s, Fixture.TEXT, RW))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.attach(0, s, Fixture.STACK_TOP - PAGE, RW))).as("over the stack").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.attach(0, s, RegionAddressSpace.USER_END - PAGE, RW))).as("into kernel space")
                .isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.attach(0, s, -PAGE, RW))).isEqualTo(Errno.EINVAL);
        assertThat(a.attach(0, s, 2 * AT, RW)).isEqualTo(2 * AT);
        assertThat(Refusals.errno(() -> a.attach(0, s, 2 * AT, RW))).as("already attached there").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> a.attach(0, s, 2 * AT + PAGE, RW))).as("half over itself").isEqualTo(Errno.EINVAL);
        assertThat(s.attachments()).as("only the attach that worked counts").isEqualTo(1);
    }

    @Test
    void a_segment_larger_than_free_memory_is_refused() {
        assertThat(Refusals.errno(() -> f.vm.createSegment(0, 65L * PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> f.vm.createSegment(0, Long.MAX_VALUE))).isEqualTo(Errno.ENOMEM);
        assertThat(f.kernel.count("out_of_memory")).isEqualTo(2);
        assertThat(f.vm.createSegment(0, 64L * PAGE)).as("exactly what is free").isNotNull();
        assertThat(f.vm.freeFrames()).as("no frame until a page is touched").isEqualTo(64);
    }

    @Test
    void a_segment_from_another_memory_manager_is_refused() {
        Segment foreign = new Fixture(8).vm.createSegment(0, PAGE);
        assertThatThrownBy(() -> a.attach(0, foreign, 0, RW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.vm.removeSegment(0, foreign)).isInstanceOf(IllegalArgumentException.class);
    }
}
