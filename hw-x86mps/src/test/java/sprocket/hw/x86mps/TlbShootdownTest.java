package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Caches off: a page-table entry costs its flat load, store and update, so the shootdown's own cost shows. */
    private final FakeContext kernel = FakeContext.boot(4, 8, new PentiumCaches(false, 8 << 10, 32, 2, 256 << 10, 32,
            1, true));
    /** Rewriting one PTE with the caches off: a load, a store and the instructions that build the entry. */
    private static final long PTE_WRITE = 2 * PentiumCosts.MODEL.memoryAccess() + PentiumCosts.PTE_UPDATE;
    private final X86MpsMachine machine = kernel.machine;
    private final Mmu mmu = machine.mmu();
    private final CostModel costs = machine.costs();
    private final Pmap shared = mmu.createPmap();
    private final Pmap other = mmu.createPmap();

    /** CPUs 0..2 run threads of one address space and have the page in their TLBs; CPU 3 runs another. */
    private void threeCpusShareOneAddressSpace() {
        shared.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        other.enter(0, VA, FRAME + 1, Prot.READ);
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
                new FakeContext.Post(1, Vectors.TLB_SHOOTDOWN, before + PTE_WRITE + costs.ipiLatency()),
                new FakeContext.Post(2, Vectors.TLB_SHOOTDOWN, before + PTE_WRITE + costs.ipiLatency()));
        // The initiator pays its PTE write, its INVLPG, two ICR writes and the round trip to the acknowledgements.
        assertThat(kernel.clocks[0] - before)
                .isEqualTo(PTE_WRITE + PentiumCosts.INVLPG + 2 * costs.ipiSend() + 2 * costs.ipiLatency());
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
        shared.enter(0, VA, FRAME, Prot.READ);
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
        shared.enter(0, VA + 0x1000, FRAME + 2, Prot.NONE);
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
        long[] before = kernel.clocks.clone();
        shared.enter(1, VA, FRAME + 7, Prot.READ | Prot.WRITE); // the copy-on-write break happens on CPU 1
        assertThat(kernel.count("ipis")).isEqualTo(2);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.posts).extracting(FakeContext.Post::cpu).containsExactly(0, 2);
        // Pmap.enter: "a replaced mapping is shot down as remove does, at cpu's cost".
        assertThat(kernel.clocks[1] - before[1])
                .isEqualTo(PTE_WRITE + PentiumCosts.INVLPG + 2 * costs.ipiSend() + 2 * costs.ipiLatency());
        assertThat(kernel.clocks[0] - before[0]).as("a target pays its own INVLPG").isEqualTo(PentiumCosts.INVLPG);
        assertThat(kernel.clocks[3]).isEqualTo(before[3]);
        for (int cpu = 0; cpu < 3; cpu++) {
            assertThat(mmu.translate(cpu, VA, Access.READ) >>> 12).isEqualTo(FRAME + 7);
        }
    }

    @Test
    void a_long_range_is_flushed_whole_on_every_cpu_that_has_it() {
        threeCpusShareOneAddressSpace();
        for (int page = 1; page < 40; page++) {
            shared.enter(0, VA + page * 4096L, FRAME + page, Prot.READ);
        }
        long flushes = kernel.count("tlb_flushes");
        shared.remove(0, VA, 40 * 4096L);
        assertThat(kernel.count("tlb_flushes")).isEqualTo(flushes + 3);
        assertThat(machine.cpu(1).tlb.valid()).isZero();
        assertThat(machine.cpu(3).tlb.valid()).isEqualTo(1);
    }

    /** Pmap.destroy "must not be active on any CPU": one still in another CPU's CR3 is unloaded there by IPI first. */
    @Test
    void destroying_a_directory_another_cpu_still_has_in_cr3_unloads_it_there_by_ipi() {
        threeCpusShareOneAddressSpace();
        PagingUnit paging = machine.paging();
        other.activate(0);
        other.activate(1);
        long before = kernel.clocks[0];
        long beforeTarget = kernel.clocks[2];
        int tables = 1; // VA's page table; the directory is one more frame
        shared.destroy(0);
        assertThat(machine.cpu(2).cr3).isSameAs(paging.kernelDirectory);
        assertThat(machine.cpu(2).tlb.valid()).isZero();
        assertThat(kernel.posts).containsExactly(new FakeContext.Post(2, Vectors.TLB_SHOOTDOWN, before + costs.ipiLatency()));
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.clocks[0] - before).isEqualTo(costs.ipiSend() + 2 * costs.ipiLatency()
                + PageTableEntry.ENTRIES * costs.memoryAccess() + (1 + tables) * costs.kernelOp());
        assertThat(kernel.clocks[2] - beforeTarget).isEqualTo(PentiumCosts.CR3_LOAD);
        assertThat(mmu.translate(2, VA, Access.READ)).isEqualTo(Mmu.FAULT);
    }

    @Test
    void destroying_a_directory_no_cpu_has_loaded_interrupts_nobody() {
        threeCpusShareOneAddressSpace();
        for (int cpu = 0; cpu < 3; cpu++) {
            other.activate(cpu);
        }
        long before = kernel.clocks[1];
        shared.destroy(1);
        assertThat(kernel.posts).isEmpty();
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(kernel.clocks[1] - before)
                .isEqualTo(PageTableEntry.ENTRIES * costs.memoryAccess() + 2 * costs.kernelOp());
    }

    @Test
    void pmap_calls_refuse_a_cpu_the_board_does_not_have() {
        assertThatThrownBy(() -> shared.enter(4, VA, FRAME, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shared.remove(-1, VA, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shared.destroy(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
