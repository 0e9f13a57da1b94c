package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

/** munmap(2): "removes the mappings for pages in the range [addr, addr + len)"; "further references ... fault". */
class MunmapTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private final Fixture f = new Fixture(64);
    private final RegionAddressSpace as =
            (RegionAddressSpace) f.create(Fixture.image("unmap", PAGE, 2 * PAGE, 16 * PAGE));

    private long mapped(int pages) {
        long at = as.mmap(0, 0, (long) pages * PAGE, RW, ANON);
        for (int i = 0; i < pages; i++) {
            f.store(as, at + (long) i * PAGE, 100 + i);
        }
        return at;
    }

    @Test
    void the_address_must_be_aligned_and_the_length_positive_and_in_user_space() {
        long at = mapped(1);
        assertThat(Refusals.errno(() -> as.munmap(0, at + 8, PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.munmap(0, at, 0))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.munmap(0, at, -PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.munmap(0, 0x7FFF_F000L, 2 * PAGE))).as("into kernel space").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.munmap(0, -PAGE, PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(f.load(as, at)).isEqualTo(100);
    }

    @Test
    void unmapping_a_range_that_is_not_mapped_is_no_error() {
        int removes = f.pmap(as).removes;
        as.munmap(0, 0x2000_0000L, 10L * PAGE);
        assertThat(f.pmap(as).removes).as("nothing to shoot down").isEqualTo(removes);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void after_munmap_an_access_faults_and_the_frames_are_free() {
        long at = mapped(2);
        int removes = f.pmap(as).removes;

        as.munmap(0, at, 2 * PAGE - 100);

        assertThat(f.pmap(as).removes).as("the pmap shoots the pages down").isGreaterThan(removes);
        assertThat(f.pmap(as).frameAt(at)).isEqualTo(-1);
        assertThat(f.canLoad(as, at)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.canLoad(as, at + PAGE)).isFalse();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(as.pregionCount()).isEqualTo(3);
    }

    @Test
    void unmapping_the_middle_splits_a_mapping_in_two() {
        long at = mapped(4);

        as.munmap(0, at + PAGE, 2 * PAGE);

        assertThat(as.pregionCount()).isEqualTo(5);
        assertThat(f.load(as, at)).isEqualTo(100);
        assertThat(f.load(as, at + 3 * PAGE)).isEqualTo(103);
        assertThat(f.canLoad(as, at + PAGE)).isFalse();
        assertThat(f.canLoad(as, at + 2 * PAGE)).isFalse();
        assertThat(f.vm.freeFrames()).isEqualTo(62);
        assertThat(as.residentPages()).isEqualTo(2);

        as.munmap(0, at, 4 * PAGE);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(as.pregionCount()).isEqualTo(3);
    }

    @Test
    void one_call_may_unmap_several_mappings_and_part_of_the_data() {
        long a = mapped(1);
        long b = as.mmap(0, a - 2 * PAGE, PAGE, RW, ANON);
        assertThat(b).as("the hint, leaving a page between").isEqualTo(a - 2 * PAGE);
        long data = Fixture.TEXT + PAGE;
        f.store(as, data, 1);
        f.store(as, data + PAGE, 2);

        as.munmap(0, b, 3 * PAGE);
        as.munmap(0, data + PAGE, PAGE);

        assertThat(f.canLoad(as, a)).isFalse();
        assertThat(f.canLoad(as, b)).isFalse();
        assertThat(f.canLoad(as, data + PAGE)).isFalse();
        assertThat(f.load(as, data)).isEqualTo(1);
        assertThat(as.brk()).as("the break does not move").isEqualTo(data + 2 * PAGE);
        assertThat(f.vm.freeFrames()).as("only the first data page is left").isEqualTo(63);
    }

    @Test
    void a_stack_unmapped_entirely_does_not_grow_back() {
        f.store(as, Fixture.STACK_TOP - 2 * PAGE, 7);
        as.munmap(0, Fixture.STACK_TOP - 2 * PAGE, 2 * PAGE);
        assertThat(f.canStore(as, Fixture.STACK_TOP - 4)).isFalse();
        assertThat(f.canStore(as, Fixture.STACK_TOP - 3 * PAGE)).isFalse();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_stack_whose_bottom_was_unmapped_grows_again_with_fresh_pages() {
        f.store(as, Fixture.STACK_TOP - 4, 1);
        f.store(as, Fixture.STACK_TOP - 3 * PAGE, 3);
        as.munmap(0, Fixture.STACK_TOP - 3 * PAGE, PAGE);
        assertThat(f.load(as, Fixture.STACK_TOP - 3 * PAGE)).as("grown back, zero-filled").isZero();
        assertThat(f.load(as, Fixture.STACK_TOP - 4)).isEqualTo(1);
    }

    @Test
    void shrinking_the_break_unmaps_a_mapping_placed_in_a_hole_of_the_data() {
        long data = Fixture.TEXT + PAGE;
        assertThat(as.mmap(0, data + PAGE, PAGE, RW, ANON | sprocket.api.sys.Mman.MAP_FIXED)).isEqualTo(data + PAGE);
        f.store(as, data + PAGE, 5);
        assertThat(as.sbrk(0, -PAGE)).isEqualTo(data + 2 * PAGE);
        assertThat(f.canLoad(as, data + PAGE)).as("brk(2) unmaps whatever lies past the new break").isFalse();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(as.sbrk(0, PAGE)).isEqualTo(data + PAGE);
        assertThat(f.load(as, data + PAGE)).isZero();
    }
}
