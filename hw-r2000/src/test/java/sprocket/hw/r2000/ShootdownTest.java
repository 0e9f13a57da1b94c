package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.hw.r2000.FakeMachineContext.PTE_WRITE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.hw.Vectors;

class ShootdownTest {

    private static final long VA = 0x0001_0000L;

    private final FakeMachineContext kernel = new FakeMachineContext(3);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(3, kernel);
    private final R2000Mmu mmu = (R2000Mmu) machine.mmu();
    private final CostModel costs = machine.costs();

    private boolean holds(int cpu, long va) {
        int asid = mmu.activeAsid(cpu);
        return asid >= 0 && mmu.tlb(cpu).probe((int) va & EntryHi.VPN_MASK, EntryHi.asidBits(asid)) >= 0;
    }

    /** Pmap.remove: "When it returns, no CPU can reach those pages". */
    @Test
    void remove_on_one_cpu_leaves_no_stale_entry_on_any_cpu() {
        Pmap shared = mmu.createPmap();
        shared.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        shared.enter(0, VA + 0x1000, 51, Prot.READ | Prot.WRITE);
        shared.activate(0);
        shared.activate(1);
        mmu.translate(0, VA, Access.READ);
        mmu.translate(1, VA, Access.READ);
        mmu.translate(1, VA + 0x1000, Access.READ);
        assertThat(holds(0, VA)).isTrue();
        assertThat(holds(1, VA)).isTrue();
        kernel.clock[0] = 5_000;

        shared.remove(0, VA, 0x1000);

        assertThat(holds(0, VA)).isFalse();
        assertThat(holds(1, VA)).isFalse();
        assertThat(holds(1, VA + 0x1000)).as("pages outside the range stay").isTrue();
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.count("ipis")).isEqualTo(1);
        assertThat(kernel.posts).containsExactly(
                new FakeMachineContext.Post(1, Vectors.TLB_SHOOTDOWN, 5_000 + PTE_WRITE + costs.ipiLatency()));
        assertThat(kernel.clock[0] - 5_000).as("the sender rewrites the PTE, pays the send and the round trip")
                .isEqualTo(PTE_WRITE + costs.ipiSend() + 2 * costs.ipiLatency());
        assertThat(((R2000Pmap) shared).frameAt(VA)).isEqualTo(-1);
        assertThat(mmu.translate(1, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).containsExactly(new FakeMachineContext.Fault(1, VA, Access.READ));
    }

    @Test
    void a_local_only_removal_costs_the_tlb_probes_and_sends_nothing() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 50, Prot.READ);
        pmap.enter(0, VA + 0x1000, 51, Prot.READ);
        pmap.activate(0);
        mmu.translate(0, VA, Access.READ);
        long before = kernel.clock[0];
        pmap.remove(0, VA, 0x2000);
        assertThat(kernel.clock[0] - before).isEqualTo(2 * PTE_WRITE + 2 * Tlb.OP_CYCLES);
        assertThat(kernel.posts).isEmpty();
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(holds(0, VA)).isFalse();
    }

    @Test
    void protect_to_read_only_makes_stores_fault_on_every_cpu() {
        Pmap shared = mmu.createPmap();
        shared.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        shared.activate(0);
        shared.activate(2);
        assertThat(mmu.translate(2, VA, Access.WRITE)).isEqualTo(50L * 4096);

        shared.protect(0, VA, 0x1000, Prot.READ);

        assertThat(mmu.translate(2, VA, Access.READ)).isEqualTo(50L * 4096);
        assertThat(mmu.translate(2, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).containsExactly(new FakeMachineContext.Fault(2, VA, Access.WRITE));
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
    }

    @Test
    void enter_replacing_a_mapping_drops_the_stale_copies() {
        Pmap shared = mmu.createPmap();
        shared.enter(0, VA, 50, Prot.READ);
        shared.activate(0);
        shared.activate(1);
        assertThat(mmu.translate(1, VA, Access.READ)).isEqualTo(50L * 4096);

        shared.enter(0, VA, 60, Prot.READ | Prot.WRITE);

        assertThat(mmu.translate(1, VA, Access.READ)).isEqualTo(60L * 4096);
        assertThat(mmu.translate(1, VA, Access.WRITE)).isEqualTo(60L * 4096);
        assertThat(kernel.faults).isEmpty();
    }

    /** Pmap.enter: "a replaced mapping is shot down as remove does, at cpu's cost". */
    @Test
    void a_replacing_enter_is_paid_by_the_cpu_that_enters_it() {
        Pmap shared = mmu.createPmap();
        shared.enter(0, VA, 50, Prot.READ);
        shared.activate(0);
        shared.activate(1);
        mmu.translate(0, VA, Access.READ);
        mmu.translate(1, VA, Access.READ);
        kernel.clock[0] = 7_000;
        kernel.clock[1] = 9_000;

        shared.enter(1, VA, 60, Prot.READ | Prot.WRITE); // copy-on-write broken by a store on CPU 1

        assertThat(kernel.posts).containsExactly(
                new FakeMachineContext.Post(0, Vectors.TLB_SHOOTDOWN, 9_000 + PTE_WRITE + costs.ipiLatency()));
        assertThat(kernel.clock[1] - 9_000).as("the entering CPU writes the PTE, sends and waits for the acknowledgement")
                .isEqualTo(PTE_WRITE + costs.ipiSend() + 2 * costs.ipiLatency());
        assertThat(kernel.clock[0] - 7_000).as("the target probes and invalidates its one entry")
                .isEqualTo(Tlb.OP_CYCLES);
        assertThat(kernel.count("ipis")).isEqualTo(1);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(60L * 4096);
    }

    /** One shootdown is one operation however many CPUs it interrupts; each interrupt is one IPI. */
    @Test
    void a_shootdown_of_two_cpus_counts_one_shootdown_and_two_ipis() {
        Pmap shared = mmu.createPmap();
        shared.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        for (int cpu = 0; cpu < 3; cpu++) {
            shared.activate(cpu);
            mmu.translate(cpu, VA, Access.WRITE);
        }
        shared.protect(2, VA, 0x1000, Prot.READ);
        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        assertThat(kernel.count("ipis")).isEqualTo(2);
        assertThat(kernel.posts).extracting(FakeMachineContext.Post::cpu).containsExactly(0, 1);
        for (int cpu = 0; cpu < 3; cpu++) {
            assertThat(holds(cpu, VA)).as("CPU %d", cpu).isFalse();
        }
    }

    @Test
    void pmap_calls_refuse_a_cpu_the_machine_does_not_have() {
        Pmap pmap = mmu.createPmap();
        assertThatThrownBy(() -> pmap.enter(3, VA, 50, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.remove(-1, VA, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.protect(3, VA, 0x1000, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.destroy(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_space_that_never_ran_needs_no_shootdown() {
        Pmap child = mmu.createPmap();
        child.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        child.protect(0, VA, 0x1000, Prot.READ);
        child.remove(0, 0, Kuseg.END);
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(kernel.posts).isEmpty();
        // Only page-table work: the enter and the protect rewrite the PTE; the removal reads the leaf's PTEs up to
        // the one mapped page, clears it, and skips the rest once the leaf is freed.
        long readUpToVa = (VA >>> 12) + 1;
        assertThat(kernel.clock[0]).isEqualTo(3 * PTE_WRITE + (readUpToVa - 1) * R2000Costs.standard().memoryAccess());
    }

    @Test
    void removing_pages_nobody_mapped_costs_nothing() {
        Pmap pmap = mmu.createPmap();
        pmap.activate(0);
        pmap.activate(1);
        pmap.remove(0, VA, 0x10_0000);
        assertThat(kernel.count("shootdowns")).isZero();
        assertThat(kernel.clock[0]).isZero();
    }

    /** A CPU that switched away drops all of the space's entries on the first shootdown, and needs no more. */
    @Test
    void a_cpu_the_space_left_is_shot_down_once() {
        Pmap a = mmu.createPmap();
        Pmap b = mmu.createPmap();
        a.enter(0, VA, 50, Prot.READ | Prot.WRITE);
        a.enter(0, VA + 0x1000, 51, Prot.READ | Prot.WRITE);
        a.activate(1);
        mmu.translate(1, VA, Access.READ);
        mmu.translate(1, VA + 0x1000, Access.READ);
        b.activate(1); // a's entries stay in CPU 1's TLB under a's ASID
        a.activate(0);

        a.remove(0, VA, 0x1000);
        a.remove(0, VA + 0x1000, 0x1000);

        assertThat(kernel.count("shootdowns")).isEqualTo(1);
        a.activate(1);
        assertThat(holds(1, VA + 0x1000)).isFalse();
        assertThat(mmu.translate(1, VA + 0x1000, Access.READ)).isEqualTo(Mmu.FAULT);
    }

    @Test
    void remove_clips_its_range_to_kuseg() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, 0x7FFF_F000L, 70, Prot.READ);
        pmap.remove(0, 0x7FFF_F000L, Long.MAX_VALUE);
        assertThat(((R2000Pmap) pmap).frameAt(0x7FFF_F000L)).isEqualTo(-1);
        pmap.remove(0, 0x9000_0000L, 0x1000);
    }
}
