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

/**
 * mmap(2) of a file: "MAP_SHARED: Share changes" (stores reach the file, and every other mapper of it), "MAP_PRIVATE:
 * Changes are private" (copy on write, the file untouched), pages read on first touch, SIGBUS past the end.
 */
class FileMappingTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private final Fixture f = new Fixture(64);
    private final AddressSpace as = f.create(Fixture.image("a", PAGE, PAGE, 16 * PAGE));
    /** Three pages, word i of page p holding 100 * (p + 1) + i for the first words. */
    private final FakeFile file = new FakeFile(7, 3 * PAGE);

    FileMappingTest() {
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 4; i++) {
                file.setWord((long) p * PAGE + 4L * i, 100 * (p + 1) + i);
            }
        }
    }

    private long map(AddressSpace space, long length, int flags, long offset) {
        long at = space.mmap(0, 0, length, RW, flags, file.reference(), offset);
        assertThat(at).as("mmap").isPositive();
        return at;
    }

    @Test
    void pages_are_read_from_the_file_on_first_touch_and_the_file_system_pays_for_the_copy() {
        long at = map(as, 3 * PAGE, MAP_SHARED, 0);
        assertThat(file.reads).as("nothing read until touched").isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);

        long charged = f.kernel.charged;
        assertThat(f.load(as, at + PAGE + 8)).isEqualTo(202);
        assertThat(f.kernel.charged - charged).as("the copy is the file system's to charge, not charged twice")
                .isZero();
        assertThat(f.load(as, at + PAGE)).isEqualTo(200);
        assertThat(file.reads).as("one read for the page").isEqualTo(1);
        assertThat(f.kernel.count("page_ins")).isEqualTo(1);
        assertThat(f.kernel.count("zero_fills")).isZero();
        assertThat(as.residentPages()).isEqualTo(1);
    }

    @Test
    void unmapping_one_of_two_shared_mappings_of_a_file_in_one_space_leaves_the_other_its_pages() {
        long first = map(as, 2 * PAGE, MAP_SHARED, 0);
        long second = map(as, 2 * PAGE, MAP_SHARED, 0);
        f.store(as, first + PAGE, 77);
        as.munmap(0, first, 2 * PAGE);
        assertThat(f.load(as, second + PAGE)).as("the frame is still the second mapping's").isEqualTo(77);
        f.store(as, second + PAGE, 78);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
        as.munmap(0, second, 2 * PAGE);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(file.word(PAGE)).isEqualTo(78);
    }

    @Test
    void the_offset_picks_the_file_page_behind_the_first_mapped_page() {
        long at = map(as, PAGE, MAP_PRIVATE, 2 * PAGE);
        assertThat(f.load(as, at + 4)).isEqualTo(301);
    }

    @Test
    void shared_stores_reach_the_file_on_msync() {
        long at = map(as, 2 * PAGE, MAP_SHARED, 0);
        f.store(as, at + PAGE + 4, 42);
        assertThat(file.word(PAGE + 4)).as("not before msync").isEqualTo(201);

        as.msync(0, at, 2 * PAGE);

        assertThat(file.word(PAGE + 4)).isEqualTo(42);
        assertThat(file.word(PAGE)).isEqualTo(200);
        assertThat(file.writes).as("only the resident page").isEqualTo(1);
        assertThat(f.kernel.count("page_outs")).isEqualTo(1);
        assertThat(file.held()).as("the mapping keeps its reference").isEqualTo(1);
    }

    @Test
    void msync_writes_back_only_the_range_asked() {
        long at = map(as, 2 * PAGE, MAP_SHARED, 0);
        f.store(as, at, 1);
        f.store(as, at + PAGE, 2);
        as.msync(0, at + PAGE, 1);
        assertThat(file.word(PAGE)).isEqualTo(2);
        assertThat(file.word(0)).isEqualTo(100);
    }

    @Test
    void shared_stores_reach_the_file_on_munmap_and_the_reference_goes_with_the_mapping() {
        long at = map(as, 2 * PAGE, MAP_SHARED, 0);
        f.store(as, at, 7);
        f.store(as, at + PAGE, 8);

        as.munmap(0, at + PAGE, PAGE);
        assertThat(file.word(PAGE)).as("the unmapped page").isEqualTo(8);
        assertThat(file.word(0)).as("the page still mapped").isEqualTo(100);
        assertThat(file.releases).isZero();

        as.munmap(0, at, PAGE);
        assertThat(file.word(0)).isEqualTo(7);
        assertThat(file.releases).as("released exactly once").isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
        assertThat(f.mm().files.find(file)).as("the cache forgets the file").isNull();
    }

    @Test
    void shared_stores_reach_the_file_when_the_last_attachment_goes_at_exit() {
        long at = map(as, PAGE, MAP_SHARED, 0);
        f.store(as, at, 5);
        AddressSpace child = as.fork(0);
        f.store(child, at + 4, 6);
        assertThat(f.load(as, at + 4)).as("the child attaches the same region").isEqualTo(6);
        assertThat(file.held()).as("fork takes no reference of its own").isEqualTo(1);

        as.destroy(0);
        assertThat(file.writes).as("the child still maps the page").isZero();
        child.destroy(0);

        assertThat(file.word(0)).isEqualTo(5);
        assertThat(file.word(4)).isEqualTo(6);
        assertThat(file.releases).isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void two_spaces_mapping_a_file_shared_use_the_same_frames() {
        AddressSpace other = f.create(Fixture.image("b", PAGE, PAGE, 16 * PAGE));
        long a = map(as, 3 * PAGE, MAP_SHARED, 0);
        long b = map(other, PAGE, MAP_SHARED, PAGE);
        assertThat(file.releases).as("the second mmap's reference is released at once").isEqualTo(1);

        f.store(as, a + PAGE, 11);
        assertThat(f.load(other, b)).isEqualTo(11);
        f.store(other, b + 4, 12);
        assertThat(f.load(as, a + PAGE + 4)).isEqualTo(12);
        assertThat(f.pmap(other).frameAt(b)).isEqualTo(f.pmap(as).frameAt(a + PAGE));
        assertThat(file.reads).isEqualTo(1);
        assertThat(f.kernel.count("cow_copies")).isZero();

        as.destroy(0);
        assertThat(file.releases).isEqualTo(1);
        assertThat(f.load(other, b)).isEqualTo(11);
        other.destroy(0);
        assertThat(file.word(PAGE)).isEqualTo(11);
        assertThat(file.word(PAGE + 4)).isEqualTo(12);
        assertThat(file.releases).isEqualTo(2);
        assertThat(file.held()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_private_mapping_copies_on_write_and_never_writes_the_file() {
        long at = map(as, 2 * PAGE, MAP_PRIVATE, 0);
        assertThat(f.load(as, at)).isEqualTo(100);
        f.store(as, at, 1);
        AddressSpace child = as.fork(0);
        f.store(child, at, 2);

        assertThat(f.load(as, at)).isEqualTo(1);
        assertThat(f.load(child, at)).isEqualTo(2);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
        assertThat(f.load(child, at + PAGE)).as("a page neither side touched comes from the file").isEqualTo(200);

        as.msync(0, at, 2 * PAGE);
        as.destroy(0);
        assertThat(file.releases).as("the child's copy still holds the file").isZero();
        child.destroy(0);

        assertThat(file.writes).isZero();
        assertThat(file.word(0)).isEqualTo(100);
        assertThat(file.releases).isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_private_page_first_touched_sees_what_shared_mappers_stored() {
        AddressSpace other = f.create(Fixture.image("b", PAGE, PAGE, 16 * PAGE));
        long s = map(as, PAGE, MAP_SHARED, 0);
        long p = map(other, PAGE, MAP_PRIVATE, 0);
        f.store(as, s, 33);

        assertThat(f.load(other, p)).as("the file's page as the shared mappers see it").isEqualTo(33);
        f.store(other, p, 34);
        assertThat(f.load(as, s)).as("but private stores stay private").isEqualTo(33);
        assertThat(file.reads).isEqualTo(1);
    }

    @Test
    void a_page_wholly_past_the_end_of_the_file_is_sigbus_and_the_partial_one_reads_zeros_past_it() {
        file.resize(PAGE + 8);
        long at = map(as, 3 * PAGE, MAP_SHARED, 0);

        assertThat(f.load(as, at + PAGE + 4)).isEqualTo(201);
        assertThat(f.load(as, at + PAGE + 8)).as("past the end in the last page").isZero();
        // mmap(2): "references beyond the end of the object result in SIGBUS".
        assertThat(f.canLoad(as, at + 2 * PAGE)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGBUS);
        assertThat(f.canStore(as, at + 2 * PAGE + 100)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGBUS);
        assertThat(f.canLoad(as, at - 4)).as("outside the mapping it is SIGSEGV").isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);

        f.store(as, at + PAGE + 4, 9);
        f.store(as, at + PAGE + 12, 10);
        as.msync(0, at, 3 * PAGE);
        assertThat(file.data).as("a mapping never extends the file").hasSize(PAGE + 8);
        assertThat(file.word(PAGE + 4)).isEqualTo(9);

        file.resize(3 * PAGE);
        assertThat(f.load(as, at + 2 * PAGE)).as("the end of the file as it is at the fault").isZero();
    }

    @Test
    void a_private_page_past_the_end_is_sigbus_too() {
        file.resize(PAGE);
        long at = map(as, 2 * PAGE, MAP_PRIVATE, 0);
        assertThat(f.canStore(as, at + PAGE)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGBUS);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_bad_offset_or_flag_is_einval_and_the_reference_is_released() {
        // mmap(2): EINVAL "The arguments addr (if MAP_FIXED was specified) or off are not multiples of the page size".
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED, file.reference(), 100))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED, file.reference(), -PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, file.reference(), 0))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_PRIVATE, file.reference(), 0))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, 0, RW, MAP_PRIVATE, file.reference(), 0))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0x2000_0010L, PAGE, RW, MAP_PRIVATE | MAP_FIXED, file.reference(), 0)))
                .isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, PAGE, RW, MAP_SHARED, file.reference(), 0x7FFF_F000L))).as("past a 32-bit off_t")
                .isEqualTo(Errno.EOVERFLOW);
        assertThat(Refusals.errno(() -> as.mmap(0, 0, 65L * PAGE, RW, MAP_SHARED, file.reference(), 0))).isEqualTo(Errno.ENOMEM);

        assertThat(file.references).isEqualTo(8);
        assertThat(file.held()).as("every failed mmap released what it was handed").isZero();
        assertThat(f.mm().files.find(file)).isNull();
        assertThat(((RegionAddressSpace) as).pregionCount()).isEqualTo(3);
    }

    @Test
    void msync_needs_an_aligned_address_and_every_page_mapped() {
        long at = map(as, 2 * PAGE, MAP_SHARED, 0);
        long anon = as.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(as, at, 3);
        assertThat(Refusals.errno(() -> as.msync(0, at + 4, PAGE))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.msync(0, at, 3 * PAGE))).as("past the mapping").isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.msync(0, 0x1000_0000L, PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.msync(0, at, -1))).isEqualTo(Errno.ENOMEM);
        assertThat(file.writes).as("a failed msync writes nothing").isZero();
        as.msync(0, anon, PAGE);
        as.msync(0, at, 0);
        assertThat(file.writes).isZero();
    }

    @Test
    void map_fixed_over_a_shared_file_mapping_writes_it_back_first() {
        long at = map(as, PAGE, MAP_SHARED, 0);
        f.store(as, at, 77);
        assertThat(as.mmap(0, at, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)).isEqualTo(at);
        assertThat(file.word(0)).isEqualTo(77);
        assertThat(file.releases).isEqualTo(1);
        assertThat(f.load(as, at)).isZero();
    }

    @Test
    void map_fixed_may_replace_the_files_own_shared_mapping() {
        long at = map(as, PAGE, MAP_SHARED, 0);
        f.store(as, at, 55);
        assertThat(as.mmap(0, at, PAGE, RW, MAP_SHARED | MAP_FIXED, file.reference(), 0)).isEqualTo(at);
        assertThat(f.load(as, at)).as("read back from the file").isEqualTo(55);
        assertThat(file.held()).isEqualTo(1);
        as.destroy(0);
        assertThat(file.held()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_later_mapping_further_into_the_file_grows_the_shared_region() {
        AddressSpace other = f.create(Fixture.image("b", PAGE, PAGE, 16 * PAGE));
        long a = map(as, PAGE, MAP_SHARED, 0);
        long b = map(other, 3 * PAGE, MAP_SHARED, 0);
        f.store(other, b + 2 * PAGE, 4);
        f.store(other, b, 3);
        assertThat(f.load(as, a)).isEqualTo(3);
        other.destroy(0);
        as.destroy(0);
        assertThat(file.word(2 * PAGE)).isEqualTo(4);
        assertThat(file.word(0)).isEqualTo(3);
        assertThat(file.held()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_read_only_shared_mapping_faults_on_a_store() {
        long at = as.mmap(0, 0, PAGE, PROT_READ, MAP_SHARED, file.reference(), 0);
        assertThat(f.load(as, at)).isEqualTo(100);
        assertThat(f.canStore(as, at)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
    }
}
