package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.hw.x86mps.PageTableEntry.A;
import static sprocket.hw.x86mps.PageTableEntry.D;
import static sprocket.hw.x86mps.PageTableEntry.P;
import static sprocket.hw.x86mps.PageTableEntry.RW;
import static sprocket.hw.x86mps.PageTableEntry.US;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

class PagingTest {

    private static final long VA = 0x4000_1234L;
    private static final int FRAME = 300;

    private final FakeContext kernel = FakeContext.boot(2, 4);
    private final X86MpsMachine machine = kernel.machine;
    private final PhysicalMemory memory = machine.memory();
    private final Mmu mmu = machine.mmu();

    private long pde(long vaddr) {
        return memory.load(machine.cpu(0).cr3Value() + (vaddr >>> 22) * 4, 4);
    }

    private long pte(long vaddr) {
        return memory.load((pde(vaddr) & 0xFFFF_F000L) + ((vaddr >>> 12) & 0x3FF) * 4, 4);
    }

    private Pmap activeOnCpu0() {
        Pmap pmap = mmu.createPmap();
        pmap.activate(0);
        return pmap;
    }

    @Test
    void page_tables_live_in_simulated_physical_memory() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        long pde = pde(VA);
        assertThat(pde & (P | RW | US)).isEqualTo(P | RW | US);
        assertThat(pde >>> 12).isGreaterThanOrEqualTo(memory.endAllocatableFrame()).isLessThan(memory.frames());
        assertThat(pte(VA)).isEqualTo((long) FRAME << 12 | P | RW | US);
        assertThat(((PageDirectory) pmap).frameAt(VA)).isEqualTo(FRAME);
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo((long) FRAME << 12 | 0x234);
    }

    @Test
    void the_walker_reads_the_tables_from_memory_and_the_tlb_keeps_what_it_read() {
        Pmap pmap = activeOnCpu0();
        Pmap other = mmu.createPmap();
        pmap.enter(0, VA, FRAME, Prot.READ);
        assertThat(mmu.translate(0, VA, Access.READ) >>> 12).isEqualTo(FRAME);
        long pteAddress = (pde(VA) & 0xFFFF_F000L) + ((VA >>> 12) & 0x3FF) * 4;
        memory.store(pteAddress, 4, 301L << 12 | P | US);
        // SDM 4.10.4: software must invalidate; until it does, the TLB answers with the old frame.
        assertThat(mmu.translate(0, VA, Access.READ) >>> 12).isEqualTo(FRAME);
        other.activate(0);
        pmap.activate(0);
        assertThat(mmu.translate(0, VA, Access.READ) >>> 12).isEqualTo(301);
    }

    @Test
    void the_hardware_walk_sets_accessed_and_sets_dirty_only_on_a_write() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        pmap.enter(0, VA + 0x1000, FRAME + 1, Prot.READ | Prot.WRITE);
        assertThat(pde(VA) & A).isZero();
        assertThat(pte(VA) & (A | D)).isZero();

        mmu.translate(0, VA, Access.READ);
        assertThat(pde(VA) & A).isEqualTo(A);
        assertThat(pte(VA) & (A | D)).isEqualTo(A);
        assertThat(pte(VA + 0x1000) & (A | D)).isZero();

        // The TLB entry was loaded clean: the first write must still reach the PTE to set D.
        mmu.translate(0, VA, Access.WRITE);
        assertThat(pte(VA) & (A | D)).isEqualTo(A | D);

        mmu.translate(0, VA + 0x1000, Access.WRITE);
        assertThat(pte(VA + 0x1000) & (A | D)).isEqualTo(A | D);
    }

    @Test
    void a_tlb_miss_is_counted_and_charged_and_a_hit_costs_nothing() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ);
        long entered = kernel.clocks[0];
        mmu.translate(0, VA, Access.READ);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.clocks[0] - entered).isEqualTo(machine.costs().tlbRefill());
        mmu.translate(0, VA + 8, Access.READ);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.clocks[0] - entered).isEqualTo(machine.costs().tlbRefill());
    }

    /** The dirty-bit assist: a write through an entry loaded clean walks the tables again without a miss. */
    @Test
    void every_hardware_walk_is_counted_and_only_a_missing_entry_is_a_miss() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        long entered = kernel.clocks[0];
        mmu.translate(0, VA, Access.READ);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.count("page_walks")).isEqualTo(1);
        mmu.translate(0, VA, Access.WRITE);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.count("page_walks")).isEqualTo(2);
        assertThat(kernel.clocks[0] - entered).isEqualTo(2 * machine.costs().tlbRefill());
        mmu.translate(0, VA + 4, Access.WRITE);
        assertThat(kernel.count("page_walks")).as("a hit on a dirty entry walks nothing").isEqualTo(2);
        assertThat(mmu.translate(0, VA + 0x1000, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.count("tlb_misses")).isEqualTo(2);
        assertThat(kernel.count("page_walks")).as("a walk that ends in a fault is still a walk").isEqualTo(3);
    }

    @Test
    void loading_cr3_flushes_the_tlb_and_reloading_the_same_pmap_does_not() {
        Pmap a = mmu.createPmap();
        Pmap b = mmu.createPmap();
        a.enter(0, VA, FRAME, Prot.READ);
        b.enter(0, VA, FRAME + 1, Prot.READ);
        long flushes = kernel.count("tlb_flushes");
        a.activate(0);
        assertThat(kernel.count("tlb_flushes")).isEqualTo(flushes + 1);
        mmu.translate(0, VA, Access.READ);
        a.activate(0);
        assertThat(kernel.count("tlb_flushes")).isEqualTo(flushes + 1);
        assertThat(machine.cpu(0).tlb.valid()).isEqualTo(1);

        b.activate(0);
        assertThat(kernel.count("tlb_flushes")).isEqualTo(flushes + 2);
        assertThat(machine.cpu(0).tlb.valid()).isZero();
        assertThat(mmu.translate(0, VA, Access.READ) >>> 12).isEqualTo(FRAME + 1);
        assertThat(kernel.count("tlb_misses")).isEqualTo(2);
    }

    @Test
    void a_write_to_a_read_only_page_faults_with_p_w_and_u_in_the_error_code_and_cr2_set() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ);
        assertThat(mmu.translate(0, VA, Access.READ)).isNotEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
        // SDM 4.7: P=1 a protection violation, W/R=1 a write, U/S=1 from user mode.
        assertThat(kernel.faults).containsExactly(new FakeContext.Fault(0, VA, Access.WRITE, VA, 0b111));
        assertThat(machine.cpu(0).cr2).isEqualTo(VA);
        assertThat(pte(VA) & D).isZero();
    }

    @Test
    void a_page_that_is_not_present_faults_with_p_clear() {
        activeOnCpu0();
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).extracting(FakeContext.Fault::errorCode).containsExactly(0b100, 0b110);
    }

    @Test
    void a_user_access_to_a_kernel_page_faults_even_when_it_is_mapped() {
        Pmap pmap = activeOnCpu0();
        long kernelVa = 0xC000_5000L;
        pmap.enter(0, kernelVa, FRAME, Prot.READ | Prot.WRITE);
        assertThat(pde(kernelVa) & US).isZero();
        assertThat(((PageDirectory) pmap).frameAt(kernelVa)).isEqualTo(FRAME);
        assertThat(mmu.translate(0, kernelVa, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).containsExactly(new FakeContext.Fault(0, kernelVa, Access.READ, kernelVa, 0b101));
    }

    @Test
    void an_address_beyond_32_bits_faults() {
        activeOnCpu0();
        assertThat(mmu.translate(0, 1L << 32, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).hasSize(1);
    }

    @Test
    void a_fault_the_kernel_resolves_is_retried() {
        Pmap pmap = activeOnCpu0();
        kernel.handler = (cpu, vaddr, access) -> {
            pmap.enter(cpu, vaddr, FRAME, Prot.READ | Prot.WRITE);
            return true;
        };
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo((long) FRAME << 12 | 0x234);
        assertThat(kernel.faults).hasSize(1);
        assertThat(pte(VA) & (A | D)).isEqualTo(A | D);
    }

    @Test
    void a_handler_that_claims_a_fix_it_never_made_is_caught() {
        activeOnCpu0();
        kernel.handler = (cpu, vaddr, access) -> true;
        assertThatThrownBy(() -> mmu.translate(0, VA, Access.READ)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still faults");
    }

    @Test
    void execute_is_read_on_a_processor_without_an_execute_bit() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ);
        assertThat(mmu.translate(0, VA, Access.EXECUTE) >>> 12).isEqualTo(FRAME);
    }

    @Test
    void prot_none_keeps_the_frame_but_every_access_faults_as_not_present() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.NONE);
        assertThat(((PageDirectory) pmap).frameAt(VA)).isEqualTo(FRAME);
        assertThat(pte(VA) & P).isZero();
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults.get(0).errorCode()).isEqualTo(0b100);
    }

    @Test
    void protect_keeps_dirty_and_the_next_write_through_a_cached_entry_faults() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        mmu.translate(0, VA, Access.WRITE);
        pmap.protect(0, VA, 4096, Prot.READ);
        assertThat(pte(VA)).isEqualTo((long) FRAME << 12 | P | US | A | D);
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, VA, Access.READ) >>> 12).isEqualTo(FRAME);
    }

    @Test
    void entering_the_same_mapping_again_keeps_the_bits_the_processor_set() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        mmu.translate(0, VA, Access.WRITE);
        pmap.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        assertThat(pte(VA) & (A | D)).isEqualTo(A | D);
    }

    @Test
    void remove_unmaps_and_gives_an_emptied_page_table_back_to_the_pool() {
        long page = VA & ~0xFFFL;
        PageTablePool pool = machine.paging().pool;
        Pmap pmap = activeOnCpu0();
        int afterDirectory = pool.available();
        pmap.enter(0, VA, FRAME, Prot.READ);
        pmap.enter(0, page + 0x1000, FRAME + 1, Prot.READ);
        assertThat(pool.available()).isEqualTo(afterDirectory - 1);
        mmu.translate(0, page, Access.READ);
        pmap.remove(0, page, 0x1000);
        assertThat(((PageDirectory) pmap).frameAt(page)).isEqualTo(-1);
        assertThat(((PageDirectory) pmap).frameAt(page + 0x1000)).isEqualTo(FRAME + 1);
        assertThat(mmu.translate(0, page, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(pool.available()).isEqualTo(afterDirectory - 1);
        pmap.remove(0, page + 0x1000, 1);
        assertThat(pool.available()).isEqualTo(afterDirectory);
        assertThat(pde(page) & P).isZero();
    }

    @Test
    void an_empty_pool_refuses_a_new_directory_and_a_mapping_that_needs_a_new_table() {
        // The machine reports what it cannot hold rather than failing: the kernel turns it into ENOMEM or SIGKILL.
        PageTablePool pool = machine.paging().pool;
        Pmap first = machine.paging().createPmap();
        first.enter(0, VA, FRAME, Prot.READ | Prot.WRITE);
        List<Pmap> taken = new ArrayList<>();
        while (pool.available() > 0) {
            taken.add(machine.paging().createPmap());
        }
        assertThatThrownBy(() -> machine.paging().createPmap()).isInstanceOf(ErrnoException.class)
                .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ENOMEM);
        first.enter(0, VA + 0x1000, FRAME + 1, Prot.READ); // the same table: no frame needed
        assertThatThrownBy(() -> first.enter(0, VA + (4L << 20), FRAME + 2, Prot.READ)).as("a new table")
                .isInstanceOf(ErrnoException.class);
        assertThat(((PageDirectory) first).frameAt(VA + (4L << 20))).isEqualTo(-1);
        taken.get(0).destroy(0);
        first.enter(0, VA + (4L << 20), FRAME + 2, Prot.READ);
        assertThat(((PageDirectory) first).frameAt(VA + (4L << 20))).isEqualTo(FRAME + 2);
    }

    @Test
    void destroy_returns_the_directory_and_its_tables_to_the_pool() {
        PageTablePool pool = machine.paging().pool;
        int before = pool.available();
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, 0x1000, FRAME, Prot.READ);
        pmap.enter(0, 0x8000_0000L, FRAME, Prot.READ);
        pmap.enter(0, 0xBFFF_F000L, FRAME, Prot.READ | Prot.WRITE);
        assertThat(pool.available()).isEqualTo(before - 4);
        pmap.destroy(0);
        assertThat(pool.available()).isEqualTo(before);
        assertThatThrownBy(() -> ((PageDirectory) pmap).frameAt(0x1000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void destroying_a_pmap_still_in_cr3_switches_that_cpu_to_the_kernel_directory() {
        Pmap pmap = activeOnCpu0();
        pmap.enter(0, VA, FRAME, Prot.READ);
        mmu.translate(0, VA, Access.READ);
        pmap.destroy(0);
        assertThat(machine.cpu(0).cr3).isSameAs(machine.paging().kernelDirectory);
        assertThat(machine.cpu(0).tlb.valid()).isZero();
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(Mmu.FAULT);
    }

    @Test
    void an_exhausted_pool_says_so_and_maps_nothing() {
        PageTablePool pool = machine.paging().pool;
        Pmap pmap = mmu.createPmap();
        long va = 0;
        while (pool.available() > 0) {
            pmap.enter(0, va, FRAME, Prot.READ);
            va += 4L << 20;
        }
        long full = va;
        assertThatThrownBy(() -> pmap.enter(0, full, FRAME, Prot.READ)).isInstanceOf(ErrnoException.class);
        assertThat(((PageDirectory) pmap).frameAt(full)).isEqualTo(-1);
        assertThatThrownBy(() -> mmu.createPmap()).isInstanceOf(ErrnoException.class);
    }

    @Test
    void a_page_table_frame_cannot_be_mapped_into_an_address_space() {
        Pmap pmap = mmu.createPmap();
        int poolFrame = memory.endAllocatableFrame();
        assertThatThrownBy(() -> pmap.enter(0, VA, poolFrame, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.enter(0, 1L << 32, FRAME, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.remove(0, 0xFFFF_F000L, 0x2000)).isInstanceOf(IllegalArgumentException.class);
    }
}
