package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Prot;

class DemandPagingTest {
    private final Fixture f = new Fixture(64);

    @Test
    void a_new_space_is_laid_out_as_text_then_data_with_the_break_at_its_end_and_nothing_resident() {
        var as = f.create(Fixture.image("ls", 5000, 3 * 4096 + 1, 1 << 20));
        assertThat(as.brk()).isEqualTo(Fixture.TEXT + 2 * 4096 + 4 * 4096);
        assertThat(as.stackTop()).isEqualTo(0x7FFF_F000L);
        assertThat(as.residentPages()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames()).isEqualTo(64);
        assertThat(f.pmap(as).mappings).isEmpty();
    }

    @Test
    void a_page_is_zero_filled_on_first_touch_and_not_before() {
        var as = f.create(Fixture.image("zero", 4096, 8 * 4096, 1 << 20));
        long data = Fixture.TEXT + 4096;
        assertThat(f.memory.zeroed).isZero();

        assertThat(f.load(as, data + 3 * 4096 + 8)).isZero();

        assertThat(f.memory.zeroed).isEqualTo(1);
        assertThat(as.residentPages()).isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
        assertThat(f.kernel.count("zero_fills")).isEqualTo(1);
        assertThat(f.kernel.charged).isEqualTo(FakeMachine.PAGE_ZERO);
        int frame = f.pmap(as).frameAt(data + 3 * 4096);
        assertThat(frame).isGreaterThanOrEqualTo(Fixture.FIRST);
        assertThat(f.pmap(as).at(data + 3 * 4096).prot()).isEqualTo(Prot.READ | Prot.WRITE);

        f.store(as, data + 3 * 4096 + 8, 42);
        assertThat(f.load(as, data + 3 * 4096 + 8)).isEqualTo(42);
        assertThat(f.memory.zeroed).as("a second touch of the same page zeroes nothing").isEqualTo(1);
        assertThat(f.vm.freeFrames()).isEqualTo(63);
    }

    @Test
    void a_write_to_text_faults() {
        var as = f.create(Fixture.image("ro", 4096, 0, 1 << 20));
        assertThat(f.canStore(as, Fixture.TEXT + 16)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.canLoad(as, Fixture.TEXT + 16)).isTrue();
        assertThat(as.fault(0, Fixture.TEXT + 16, Access.EXECUTE)).isZero();
        assertThat(f.canStore(as, Fixture.TEXT + 16)).as("still read-only once resident").isFalse();
    }

    @Test
    void data_is_not_executable() {
        var as = f.create(Fixture.image("nx", 4096, 4096, 1 << 20));
        assertThat(as.fault(0, Fixture.TEXT + 4096, Access.EXECUTE)).isEqualTo(Signals.SIGSEGV);
        assertThat(as.residentPages()).isZero();
    }

    @Test
    void an_address_in_no_pregion_is_an_error() {
        var as = f.create(Fixture.image("hole", 4096, 4096, 1 << 20));
        assertThat(f.translate(as, 0, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.translate(as, Fixture.TEXT - 1, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(f.translate(as, Fixture.TEXT + 2 * 4096, Access.READ)).as("past the break").isEqualTo(Mmu.FAULT);
        assertThat(f.translate(as, Fixture.STACK_TOP, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void an_empty_text_still_gets_one_page() {
        var as = f.create(Fixture.image("empty", 0, 0, 1 << 20));
        assertThat(as.brk()).isEqualTo(Fixture.TEXT + 4096);
        assertThat(f.canLoad(as, Fixture.TEXT + 4095)).isTrue();
    }

    @Test
    void an_image_too_big_for_the_address_space_is_refused() {
        assertThat(Refusals.errno(() -> f.vm.create(0, Fixture.image("huge", 4096, Fixture.STACK_TOP, 1 << 20)))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> f.vm.create(0, Fixture.image("huge", Long.MAX_VALUE, 0, 1 << 20)))).isEqualTo(Errno.ENOMEM);
    }

    @Test
    void destroy_unmaps_everything_and_frees_every_frame() {
        var as = f.create(Fixture.image("bye", 4096, 2 * 4096, 1 << 20));
        f.store(as, Fixture.TEXT + 4096, 1);
        f.store(as, Fixture.TEXT + 2 * 4096, 2);
        f.store(as, Fixture.STACK_TOP - 4, 3);
        f.load(as, Fixture.TEXT);
        assertThat(as.residentPages()).isEqualTo(4);
        var pmap = f.pmap(as);

        as.destroy(0);

        assertThat(pmap.mappings).isEmpty();
        assertThat(pmap.destroyed).isTrue();
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }
}
