package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.hw.Vectors;

class TlbShootdownTest {

    private static final long VA = 0x0804_8000L;
    private static final int FRAME = 400;

    private final FakeContext kernel = FakeContext.boot(4, 8);
    private final X86MpsMachine machine = kernel.machine;
    private final Mmu mmu = machine.mmu();
    private final CostModel costs = machine.costs();
    private final Pmap shared = mmu.createPmap();
    private final Pmap other = mmu.createPmap();

    /** CPUs 0..2 run threads of one address space and have the page in their TLBs; CPU 3 runs another. */
    private void threeCpusShareOneAddressSpace() {
        shared.enter(VA, FRAME, Prot.READ | Prot.WRITE);
        other.enter(VA, FRAME + 1, Prot.READ);
        for (int cpu = 0; cpu < 3; cpu++) {
            shared.activate(cpu);
            mmu.translate(cpu, VA, Access.WRITE);
        }
        other.activate(3);
        mmu.translate(3, VA, Access.READ);
    }

    @Test
    void remove_shoots_down_every_other_cpu_with_that_cr3_and_leaves_nothing_reachable() {
        threeCpusShareOneAddressSpace();
        long before = kernel.clocks[0];
        kernel.clocks[1] = 5_000;
        shared.remove(0, VA, 4096);

        assertThat(kernel.count("ipis")).isEqualTo(2);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.posts).containsExactly(
                new FakeContext.Post(1, Vectors.TLB_SHOOTDOWN, before + costs.ipiLatency()),
                new FakeContext.Post(2, Vectors.TLB_SHOOTDOWN, before + costs.ipiLatency()));
        // The initiator pays its INVLPG, two ICR writes and the round trip to the acknowledgements.
        assertThat(kernel.clocks[0] - before)
                .isEqualTo(PentiumCosts.INVLPG + 2 * costs.ipiSend() + 2 * costs.ipiLatency());
        for (int cpu = 0; cpu < 3; cpu++) {
            assertThat(machine.cpu(cpu).tlb.holds((int) (VA >>> 12))).isFalse();
            assertThat(mmu.translate(cpu, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        }
        assertThat(machine.cpu(3).tlb.holds((int) (VA >>> 12))).isTrue();
        assertThat(mmu.translate(3, VA, Access.READ) >>> 12).isEqualTo(FRAME + 1);
    }

    @Test
    void the_icr_names_the_target_apic_and_the_shootdown_vector() {
        threeCpusShareOneAddressSpace();
        shared.remove(1, VA, 4096);
        assertThat(machine.apic().icrHigh(1) >>> 24).isEqualTo(2);
        assertThat(machine.apic().icrLow(1) & 0xFF).isEqualTo(Vectors.TLB_SHOOTDOWN);
    }

    @Test
    void a_pmap_loaded_only_on_the_caller_needs_no_ipi() {
        shared.enter(VA, FRAME, Prot.READ);
        shared.activate(2);
        mmu.translate(2, VA, Access.READ);
        shared.remove(2, VA, 4096);
        assertThat(kernel.count("ipis")).isZero();
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(mmu.translate(2, VA, Access.READ)).isEqualTo(Mmu.FAULT);
    }

    @Test
    void removing_pages_that_were_never_present_shoots_nothing_down() {
        threeCpusShareOneAddressSpace();
        shared.enter(VA + 0x1000, FRAME + 2, Prot.NONE);
        shared.remove(0, VA + 0x1000, 0x10_0000);
        assertThat(kernel.count("ipis")).isZero();
    }

    @Test
    void protect_to_read_only_is_seen_by_every_cpu_when_it_returns() {
        threeCpusShareOneAddressSpace();
        shared.protect(0, VA, 4096, Prot.READ);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        for (int cpu = 0; cpu < 3; cpu++) {
            assertThat(mmu.translate(cpu, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
            assertThat(kernel.faults.get(kernel.faults.size() - 1).errorCode()).isEqualTo(0b111);
        }
    }

    @Test
    void enter_replacing_a_mapping_moves_every_cpu_to_the_new_frame() {
        threeCpusShareOneAddressSpace();
        mmu.translate(1, VA, Access.READ); // the copy-on-write break happens on CPU 1
        shared.enter(VA, FRAME + 7, Prot.READ | Prot.WRITE);
        assertThat(kernel.count("ipis")).isEqualTo(2);
        assertThat(kernel.posts).extracting(FakeContext.Post::cpu).containsExactly(0, 2);
        for (int cpu = 0; cpu < 3; cpu++) {
            assertThat(mmu.translate(cpu, VA, Access.READ) >>> 12).isEqualTo(FRAME + 7);
        }
    }

    @Test
    void a_long_range_is_flushed_whole_on_every_cpu_that_has_it() {
        threeCpusShareOneAddressSpace();
        for (int page = 1; page < 40; page++) {
            shared.enter(VA + page * 4096L, FRAME + page, Prot.READ);
        }
        long flushes = kernel.count("tlb_flushes");
        shared.remove(0, VA, 40 * 4096L);
        assertThat(kernel.count("tlb_flushes")).isEqualTo(flushes + 3);
        assertThat(machine.cpu(1).tlb.valid()).isZero();
        assertThat(machine.cpu(3).tlb.valid()).isEqualTo(1);
    }
}
