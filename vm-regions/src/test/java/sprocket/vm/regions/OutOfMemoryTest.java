package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.hw.Prot;

/**
 * The package's rule: "when no physical frame is left, the faulting process gets SIGKILL ...; sbrk(2), mmap(2) and
 * fork(2) fail with ENOMEM before taking anything".
 */
class OutOfMemoryTest {
    private static final int PAGE = Fixture.PAGE;
    private final Fixture f = new Fixture(4);
    private final long data = Fixture.TEXT + PAGE;

    @Test
    void a_fault_with_no_frame_left_fails_and_counts_out_of_memory() {
        var as = f.create(Fixture.image("big", PAGE, 8 * PAGE, 16 * PAGE));
        for (int i = 0; i < 4; i++) {
            f.store(as, data + (long) i * PAGE, i);
        }
        assertThat(f.vm.freeFrames()).isZero();

        assertThat(f.canStore(as, data + 4 * PAGE)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGKILL);

        assertThat(f.kernel.count("out_of_memory")).isEqualTo(1);
        assertThat(as.residentPages()).isEqualTo(4);
        as.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(4);
    }

    @Test
    void a_copy_on_write_with_no_frame_left_fails_and_leaks_nothing() {
        var parent = f.create(Fixture.image("cow", PAGE, 2 * PAGE, 16 * PAGE));
        f.store(parent, data, 1);
        f.store(parent, data + PAGE, 2);
        var child = parent.fork(0);
        assertThat(child).isNotNull();
        f.store(child, Fixture.STACK_TOP - 4, 3);
        f.store(child, data, 4);
        assertThat(f.vm.freeFrames()).isZero();

        assertThat(f.canStore(child, data + PAGE)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGKILL);
        assertThat(f.load(child, data + PAGE)).as("still readable, shared").isEqualTo(2);

        assertThat(f.kernel.count("out_of_memory")).isEqualTo(1);
        child.destroy(0);
        assertThat(f.load(parent, data)).isEqualTo(1);
        parent.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(4);
    }

    @Test
    void fork_without_frames_for_the_copies_returns_null_and_takes_nothing() {
        var parent = f.create(Fixture.image("forky", PAGE, 3 * PAGE, 16 * PAGE));
        f.store(parent, data, 1);
        f.store(parent, data + PAGE, 2);
        f.store(parent, data + 2 * PAGE, 3);
        int pmapsBefore = f.mmu.pmaps;

        assertThat(Refusals.errno(() -> parent.fork(0))).isEqualTo(Errno.ENOMEM);

        assertThat(f.vm.freeFrames()).isEqualTo(1);
        assertThat(f.kernel.count("out_of_memory")).isEqualTo(1);
        assertThat(f.mmu.pmaps).as("no pmap made for a child").isEqualTo(pmapsBefore);
        assertThat(f.pmap(parent).at(data).prot()).as("not left write-protected").isEqualTo(Prot.READ | Prot.WRITE);
        f.store(parent, data, 5);
        assertThat(f.kernel.count("cow_copies")).isZero();
        parent.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(4);
    }

    @Test
    void sbrk_past_memory_gives_enomem_and_changes_nothing() {
        var as = f.create(Fixture.image("sbrk", PAGE, 0, 16 * PAGE));
        long brk = as.brk();
        assertThat(Refusals.errno(() -> as.sbrk(0, 5L * PAGE))).isEqualTo(Errno.ENOMEM);
        assertThat(as.brk()).isEqualTo(brk);
        assertThat(f.canStore(as, brk)).isFalse();
        as.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(4);
    }
}
