package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
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

        child.munmap(0, shm + PAGE, PAGE);

        assertThat(f.canLoad(child, shm + PAGE)).isFalse();
        assertThat(f.load(parent, shm + PAGE)).isEqualTo(2);
        f.store(parent, shm, 3);
        assertThat(f.load(child, shm)).isEqualTo(3);
        parent.munmap(0, shm, 2 * PAGE);
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
        parent.munmap(0, shm + PAGE, PAGE);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
    }
}
