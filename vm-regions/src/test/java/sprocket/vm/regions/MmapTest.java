package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_FIXED;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.vm.AddressSpace;

/** mmap(2) of anonymous memory, as the SVR4 manual page and the package's placement rule say. */
class MmapTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private static final long STACK_LIMIT = 16 * PAGE;
    /** Where the stack's reserve starts; kernel-chosen mappings go top-down from here. */
    private static final long STACK_FLOOR = Fixture.STACK_TOP - STACK_LIMIT;
    private final Fixture f = new Fixture(64);
    private final AddressSpace as = f.create(Fixture.image("mm", PAGE, PAGE, STACK_LIMIT));

    @Test
    void exactly_one_of_map_shared_and_map_private_is_required() {
        // mmap(2): EINVAL "The field in flags is invalid (neither MAP_PRIVATE or MAP_SHARED)".
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_ANONYMOUS))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS))).isEqualTo(Errno.EINVAL);
        assertThat(as.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS)).isPositive();
        assertThat(as.mmap(0, 0, PAGE, RW, ANON)).isPositive();
    }

    @Test
    void a_zero_length_unknown_bits_or_a_file_mapping_are_invalid_and_a_huge_length_has_no_room() {
        assertThat(Refusals.errno(() -> as.mmap(0, 0, 0, RW, ANON))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, 8, ANON))).as("no such protection").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, ANON | 0x4000))).as("no such flag").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_PRIVATE))).as("file-backed").isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, -1, RW, ANON))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, Long.MAX_VALUE, RW, ANON))).isEqualTo(Errno.ENOMEM);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(((RegionAddressSpace) as).pregionCount()).as("nothing attached").isEqualTo(3);
    }

    @Test
    void a_fixed_address_must_be_page_aligned() {
        // mmap(2): EINVAL "The arguments addr (if MAP_FIXED was specified) ... are not multiples of the page size".
        assertThat(Refusals.errno(() -> as.mmap(0, 0x1000_0010L, PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.EINVAL);
        assertThat(as.mmap(0, 0x1000_0000L, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(0x1000_0000L);
    }

    @Test
    void kernel_chosen_mappings_go_top_down_from_below_the_stack_reserve_and_are_demand_zero() {
        long a = as.mmap(0, 0, 2 * PAGE, RW, ANON);
        long b = as.mmap(0, 0, 3 * PAGE + 1, RW, ANON);

        assertThat(a).isEqualTo(STACK_FLOOR - 2 * PAGE);
        assertThat(b).as("rounded up to whole pages, right below").isEqualTo(a - 4 * PAGE);
        assertThat(f.vm.freeFrames()).as("nothing resident until touched").isEqualTo(64);
        assertThat(f.load(as, b + 4 * PAGE - 4)).isZero();
        f.store(as, a + PAGE, 5);
        assertThat(f.load(as, a + PAGE)).isEqualTo(5);
        assertThat(f.vm.freeFrames()).isEqualTo(62);
        assertThat(f.canStore(as, a + 2 * PAGE)).as("the stack grows through its whole reserve").isTrue();
        assertThat(f.canStore(as, a + 2 * PAGE - 4)).as("right down to the mapping, which is writable").isTrue();
        assertThat(f.load(as, a + PAGE)).isEqualTo(5);
    }

    @Test
    void a_free_hint_is_taken_and_a_busy_or_reserved_one_is_not() {
        long hinted = as.mmap(0, 0x2000_0123L, PAGE, RW, ANON);
        assertThat(hinted).as("rounded up to a page").isEqualTo(0x2000_1000L);

        assertThat(as.mmap(0, hinted, PAGE, RW, ANON)).as("busy hint").isEqualTo(STACK_FLOOR - PAGE);
        assertThat(as.mmap(0, Fixture.STACK_TOP - 4 * PAGE, PAGE, RW, ANON)).as("in the stack reserve")
                .isEqualTo(STACK_FLOOR - 2 * PAGE);
        assertThat(as.mmap(0, Fixture.TEXT, PAGE, RW, ANON)).as("over the text").isEqualTo(STACK_FLOOR - 3 * PAGE);
    }

    @Test
    void map_fixed_replaces_what_was_in_the_range() {
        long at = as.mmap(0, 0, 4 * PAGE, RW, ANON);
        for (int i = 0; i < 4; i++) {
            f.store(as, at + (long) i * PAGE, 10 + i);
        }
        assertThat(f.vm.freeFrames()).isEqualTo(60);

        assertThat(as.mmap(0, at + PAGE, 2 * PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED))
                .isEqualTo(at + PAGE);

        assertThat(f.vm.freeFrames()).as("the replaced pages' frames are freed").isEqualTo(62);
        assertThat(f.load(as, at)).isEqualTo(10);
        assertThat(f.load(as, at + PAGE)).as("fresh zero-fill memory").isZero();
        assertThat(f.canStore(as, at + 2 * PAGE)).as("with the new protection").isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.load(as, at + 3 * PAGE)).isEqualTo(13);
        assertThat(((RegionAddressSpace) as).pregionCount()).as("text, data, stack, low, new, high").isEqualTo(6);
    }

    @Test
    void map_fixed_may_replace_data_and_stack_pages() {
        long data = Fixture.TEXT + PAGE;
        f.store(as, data, 1);
        f.store(as, Fixture.STACK_TOP - 4, 2);

        assertThat(as.mmap(0, data, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(data);
        assertThat(as.mmap(0, Fixture.STACK_TOP - PAGE, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(Fixture.STACK_TOP - PAGE);

        assertThat(f.load(as, data)).isZero();
        assertThat(f.load(as, Fixture.STACK_TOP - 4)).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(62);
    }

    @Test
    void map_fixed_may_not_touch_the_text_nor_reach_kernel_space() {
        assertThat(Refusals.errno(() -> as.mmap(0, Fixture.TEXT, PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, Fixture.TEXT - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.EINVAL);
        // mmap(2): ENOMEM "MAP_FIXED was specified and the range [addr, addr + len) exceeds that allowed".
        assertThat(Refusals.errno(() -> as.mmap(0, 0x8000_0000L, PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mmap(0, 0x7FFF_F000L, 2 * PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mmap(0, -PAGE, PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.ENOMEM);
        assertThat(f.load(as, Fixture.TEXT)).as("text untouched").isZero();

        assertThat(as.mmap(0, 0x7FFF_F000L, PAGE, RW, ANON | MAP_FIXED)).as("the last user page").isEqualTo(0x7FFF_F000L);
        assertThat(as.mmap(0, Fixture.TEXT - PAGE, PAGE, RW, ANON | MAP_FIXED)).as("just below the text")
                .isEqualTo(Fixture.TEXT - PAGE);
    }

    @Test
    void no_room_for_a_kernel_chosen_mapping_is_enomem() {
        var unlimited = f.create(Fixture.image("unlimited", PAGE, PAGE, Long.MAX_VALUE));
        // mmap(2): ENOMEM "MAP_FIXED was not specified and there is insufficient room in the address space".
        assertThat(Refusals.errno(() -> unlimited.mmap(0, 0, PAGE, RW, ANON))).isEqualTo(Errno.ENOMEM);
        assertThat(f.kernel.count("out_of_memory")).as("room, not memory").isZero();
    }

    @Test
    void kernel_chosen_mappings_stay_above_the_data_reserve_or_the_break() {
        var g = new Fixture(64, 4 * PAGE);
        long dataBase = Fixture.TEXT + PAGE;
        long stackFloor = dataBase + 9 * PAGE;
        var small = g.create(Fixture.image("small", PAGE, PAGE, Fixture.STACK_TOP - stackFloor));

        assertThat(small.mmap(0, 0, 5 * PAGE, RW, ANON)).isEqualTo(dataBase + 4 * PAGE);
        assertThat(Refusals.errno(() -> small.mmap(0, 0, PAGE, RW, ANON))).as("only the reserve is left").isEqualTo(Errno.ENOMEM);
        assertThat(small.sbrk(0, 3 * PAGE)).as("the break may use its reserve").isEqualTo(dataBase + PAGE);
        assertThat(Refusals.errno(() -> small.sbrk(0, 1))).as("but not run into the mapping").isEqualTo(Errno.ENOMEM);
        small.munmap(0, dataBase + 4 * PAGE, 5 * PAGE);
        assertThat(small.sbrk(0, 2 * PAGE)).isEqualTo(dataBase + 4 * PAGE);
        assertThat(small.mmap(0, 0, 3 * PAGE, RW, ANON)).as("above the break, past the reserve")
                .isEqualTo(dataBase + 6 * PAGE);
    }

    @Test
    void a_mapping_bigger_than_free_memory_is_enomem_and_counted() {
        assertThat(Refusals.errno(() -> as.mmap(0, 0, 65L * PAGE, RW, ANON))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mmap(0, 0x2000_0000L, 65L * PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.ENOMEM);
        assertThat(f.kernel.count("out_of_memory")).isEqualTo(2);
        assertThat(as.mmap(0, 0, 64L * PAGE, RW, ANON)).isPositive();
    }

    @Test
    void a_failed_map_fixed_leaves_the_old_mapping_in_place() {
        long at = as.mmap(0, 0, PAGE, RW, ANON);
        f.store(as, at, 9);
        assertThat(Refusals.errno(() -> as.mmap(0, at, 100L * PAGE, RW, ANON | MAP_FIXED))).isEqualTo(Errno.ENOMEM);
        assertThat(f.load(as, at)).isEqualTo(9);
    }

    @Test
    void the_protection_asked_for_is_enforced() {
        long none = as.mmap(0, 0, PAGE, 0, ANON);
        long ro = as.mmap(0, 0, PAGE, PROT_READ, ANON);
        assertThat(f.canLoad(as, none)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.canLoad(as, ro)).isTrue();
        assertThat(f.canStore(as, ro)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
    }

    @Test
    void the_stack_does_not_grow_into_a_mapping() {
        long fixed = Fixture.STACK_TOP - 4 * PAGE;
        assertThat(as.mmap(0, fixed, PAGE, RW, ANON | MAP_FIXED)).isEqualTo(fixed);

        assertThat(f.canStore(as, Fixture.STACK_TOP - 3 * PAGE)).as("grows down to the mapping").isTrue();
        assertThat(f.canStore(as, Fixture.STACK_TOP - 6 * PAGE)).as("not past it").isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        f.store(as, fixed, 4);
        assertThat(f.load(as, fixed)).as("the mapping is still the mapping").isEqualTo(4);
    }

    @Test
    void destroy_frees_the_mappings_frames_too() {
        long a = as.mmap(0, 0, 3 * PAGE, RW, ANON);
        long b = as.mmap(0, 0, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(as, a, 1);
        f.store(as, a + 2 * PAGE, 2);
        f.store(as, b + PAGE, 3);
        assertThat(as.residentPages()).isEqualTo(3);
        as.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }
}
