package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.vm.AddressSpace;

/**
 * The SMP HOWTO's shared-something example: {@code mmap(0, b, PROT_READ | PROT_WRITE, MAP_ANON | MAP_SHARED, 0, 0)}
 * gives "a chunk of read/write memory that is accessible by all processes within your parallel program"; a
 * MAP_PRIVATE mapping is copy-on-write across fork like data.
 */
class SharedMappingTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private final Fixture f = new Fixture(64);
    private final AddressSpace parent = f.create(Fixture.image("pi", PAGE, PAGE, 16 * PAGE));

    @Test
    void a_shared_mapping_carries_stores_both_ways_across_fork() {
        long shm = parent.mmap(0, 0, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(parent, shm, 1);
        var child = parent.fork(0);

        assertThat(f.load(child, shm)).isEqualTo(1);
        f.store(child, shm, 2);
        assertThat(f.load(parent, shm)).as("the parent sees the child's store").isEqualTo(2);
        f.store(parent, shm, 3);
        assertThat(f.load(child, shm)).as("the child sees the parent's").isEqualTo(3);

        f.store(child, shm + PAGE, 4);
        assertThat(f.load(parent, shm + PAGE)).as("a page first touched by the child").isEqualTo(4);
        assertThat(f.pmap(child).frameAt(shm)).isEqualTo(f.pmap(parent).frameAt(shm));
        assertThat(f.kernel.count("cow_copies")).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(62);
    }

    @Test
    void a_private_mapping_is_isolated_both_ways_across_fork() {
        long priv = parent.mmap(0, 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
        f.store(parent, priv, 1);
        var child = parent.fork(0);

        f.store(child, priv, 2);
        assertThat(f.load(parent, priv)).isEqualTo(1);
        f.store(parent, priv, 3);
        assertThat(f.load(child, priv)).isEqualTo(2);
        assertThat(f.load(parent, priv)).isEqualTo(3);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
    }

    @Test
    void a_shared_mapping_outlives_the_parent_and_goes_with_the_last_process() {
        long shm = parent.mmap(0, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(parent, shm, 9);
        var child = parent.fork(0);
        parent.destroy(0);
        assertThat(f.load(child, shm)).isEqualTo(9);
        child.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void unmapping_in_one_process_leaves_the_shared_pages_to_the_other() {
        long shm = parent.mmap(0, 0, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(parent, shm, 1);
        f.store(parent, shm + PAGE, 2);
        var child = parent.fork(0);

        assertThat(child.munmap(0, shm + PAGE, PAGE)).isZero();

        assertThat(f.canLoad(child, shm + PAGE)).isFalse();
        assertThat(f.load(parent, shm + PAGE)).isEqualTo(2);
        f.store(parent, shm, 3);
        assertThat(f.load(child, shm)).isEqualTo(3);
        assertThat(parent.munmap(0, shm, 2 * PAGE)).isZero();
        assertThat(f.load(child, shm)).as("the child still holds the region").isEqualTo(3);
        child.destroy(0);
        parent.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_shared_page_unmapped_by_its_only_holder_is_freed_at_once() {
        long shm = parent.mmap(0, 0, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        f.store(parent, shm, 1);
        f.store(parent, shm + PAGE, 2);
        assertThat(parent.munmap(0, shm + PAGE, PAGE)).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(63);
    }

    @Test
    void a_shared_memory_segment_outlives_every_process_attached_to_it() {
        RegionMemoryManager mm = f.mm();
        Region segment = mm.createSegment(2 * PAGE - 1);
        var other = (RegionAddressSpace) f.create(Fixture.image("other", PAGE, PAGE, 16 * PAGE));
        long a = ((RegionAddressSpace) parent).attachSegment(segment, 0, RW);
        long b = other.attachSegment(segment, 0x2000_0000L, RW);
        assertThat(b).isEqualTo(0x2000_0000L);

        f.store(parent, a + PAGE, 42);
        assertThat(f.load(other, b + PAGE)).isEqualTo(42);
        var child = parent.fork(0);
        f.store(child, a, 7);
        assertThat(f.load(other, b)).isEqualTo(7);

        parent.destroy(0);
        child.destroy(0);
        other.destroy(0);
        assertThat(f.vm.freeFrames()).as("the identifier still holds the pages").isEqualTo(62);

        var later = (RegionAddressSpace) f.create(Fixture.image("later", PAGE, PAGE, 16 * PAGE));
        long c = later.attachSegment(segment, 0, PROT_READ);
        assertThat(f.load(later, c + PAGE)).isEqualTo(42);
        assertThat(f.canStore(later, c)).as("attached read-only").isFalse();
        mm.removeSegment(segment);
        assertThat(f.load(later, c)).as("removal waits for the last detach").isEqualTo(7);
        later.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_segment_goes_where_asked_only_if_that_is_aligned_and_free() {
        Region segment = f.mm().createSegment(PAGE);
        var as = (RegionAddressSpace) parent;
        assertThat(as.attachSegment(segment, 0x2000_0010L, RW)).isEqualTo(-Errno.EINVAL);
        assertThat(as.attachSegment(segment, Fixture.TEXT, RW)).isEqualTo(-Errno.EINVAL);
        assertThat(as.attachSegment(segment, Fixture.STACK_TOP - PAGE, RW)).as("over the stack").isEqualTo(-Errno.EINVAL);
        assertThat(as.attachSegment(segment, 0x8000_0000L, RW)).isEqualTo(-Errno.EINVAL);
        assertThat(as.attachSegment(segment, 0x2000_0000L, RW)).isEqualTo(0x2000_0000L);
        assertThat(as.attachSegment(segment, 0x2000_0000L, RW)).as("already attached there").isEqualTo(-Errno.EINVAL);
        parent.destroy(0);
        f.mm().removeSegment(segment);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }
}
