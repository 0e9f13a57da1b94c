package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.hw.Vectors;

/** Pmap.destroy: "Frees whatever the machine holds for this pmap (page-table frames, the ASID), charging cpu for the work." */
class PmapDestroyTest {

    private static final long VA = 0x0001_0000L;

    private final FakeMachineContext kernel = new FakeMachineContext(2);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(2, kernel);
    private final R2000Mmu mmu = (R2000Mmu) machine.mmu();
    private final CostModel costs = machine.costs();

    private boolean tlbHoldsAsid(int cpu, int asid) {
        Tlb tlb = mmu.tlb(cpu);
        for (int i = 0; i < Tlb.ENTRIES; i++) {
            if (EntryHi.asid(tlb.entryHi(i)) == asid && EntryHi.vpn(tlb.entryHi(i)) < EntryHi.KSEG0_VPN) {
                return true;
            }
        }
        return false;
    }

    /** The cost of giving back a page table with {@code leaves} leaves: a scan of the root and a page per leaf. */
    private long tableTeardown(int leaves) {
        return PageTable.LEAVES * costs.memoryAccess() + leaves * costs.kernelOp();
    }

    @Test
    void destroy_purges_the_asid_from_every_cpu_that_ran_the_space_before_it_is_handed_out_again() {
        Pmap dead = mmu.createPmap();
        Pmap idle = mmu.createPmap();
        dead.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        dead.activate(0);
        dead.activate(1);
        mmu.translate(0, VA, Access.READ);
        mmu.translate(1, VA, Access.READ);
        int asid = mmu.activeAsid(0);
        idle.activate(0); // the kernel switches both CPUs away before it destroys the space
        idle.activate(1);
        assertThat(tlbHoldsAsid(1, asid)).as("CPU 1 keeps the entries under the old ASID").isTrue();
        kernel.clock[0] = 1_000;
        kernel.clock[1] = 2_000;

        dead.destroy(0);

        assertThat(tlbHoldsAsid(0, asid)).isFalse();
        assertThat(tlbHoldsAsid(1, asid)).isFalse();
        assertThat(kernel.posts).containsExactly(
                new FakeMachineContext.Post(1, Vectors.TLB_SHOOTDOWN, 1_000 + costs.ipiLatency()));
        assertThat(kernel.count("ipis")).isEqualTo(1);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.clock[0] - 1_000).as("the destroying CPU sends, waits, and frees the one-leaf table")
                .isEqualTo(costs.ipiSend() + Math.max(TlbShootdown.ASID_SCAN, 2 * costs.ipiLatency()) + tableTeardown(1));
        assertThat(kernel.clock[1] - 2_000).as("the target scans its TLB for the ASID")
                .isEqualTo(TlbShootdown.ASID_SCAN);

        Pmap next = mmu.createPmap();
        next.enter(0, VA + 0x1000, 70, Prot.READ);
        next.activate(1);
        assertThat(mmu.activeAsid(1)).as("the freed ASID is the lowest free one again").isEqualTo(asid);
        assertThat(mmu.translate(1, VA, Access.READ)).as("nothing of the dead space is reachable under it")
                .isEqualTo(-1L);
        assertThat(mmu.translate(1, VA + 0x1000, Access.READ)).isEqualTo(70L * 4096);
    }

    @Test
    void destroying_a_space_only_this_cpu_ran_sends_no_ipi_and_pays_per_page_table_leaf() {
        Pmap dead = mmu.createPmap();
        Pmap idle = mmu.createPmap();
        dead.enter(0, VA, 50, Prot.READ);
        dead.enter(0, 0x0040_0000L, 51, Prot.READ); // the next 4 MiB: a second leaf
        dead.enter(0, 0x7FFF_F000L, 52, Prot.READ);
        dead.activate(1);
        mmu.translate(1, VA, Access.READ);
        idle.activate(1);
        long before = kernel.clock[1];

        dead.destroy(1);

        assertThat(kernel.posts).isEmpty();
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(kernel.clock[1] - before).isEqualTo(TlbShootdown.ASID_SCAN + tableTeardown(3));
        assertThat(kernel.clock[0]).as("only its three PTE writes").isEqualTo(3 * FakeMachineContext.PTE_WRITE);
    }

    /** A space whose ASID belongs to an older generation has no TLB entries left: the wrap flushed them all. */
    @Test
    void destroying_a_space_whose_asid_generation_passed_touches_no_tlb() {
        Pmap old = mmu.createPmap();
        old.enter(0, VA, 50, Prot.READ);
        old.activate(1);
        mmu.translate(1, VA, Access.READ);
        for (int i = 0; i < AsidAllocator.ASIDS; i++) {
            mmu.createPmap().activate(1); // 64 more spaces: the ASIDs wrap once
        }
        assertThat(kernel.count("asid_wraps")).isEqualTo(1);
        int ipis = (int) kernel.count("ipis");
        long before = kernel.clock[0];

        old.destroy(0);

        assertThat(kernel.count("ipis")).isEqualTo(ipis);
        assertThat(kernel.clock[0] - before).isEqualTo(tableTeardown(1));
        assertThat(mmu.asids().inUse()).as("the old ASID is not given back to the new generation").isEqualTo(1);
    }

    @Test
    void destroying_twice_does_nothing_the_second_time() {
        Pmap pmap = mmu.createPmap();
        pmap.destroy(0);
        long after = kernel.clock[0];
        pmap.destroy(0);
        assertThat(kernel.clock[0]).isEqualTo(after);
    }
}
