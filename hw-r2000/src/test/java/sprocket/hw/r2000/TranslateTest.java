package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

class TranslateTest {

    private static final long VA = 0x0040_0123L;

    private final FakeMachineContext kernel = new FakeMachineContext(2);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(2, kernel);
    private final Mmu mmu = machine.mmu();

    @Test
    void a_miss_is_refilled_from_the_page_table_and_then_hits() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA & ~0xFFFL, 20, Prot.READ | Prot.WRITE);
        pmap.activate(0);
        assertThat(kernel.clock[0]).as("entering the mapping rewrote one PTE").isEqualTo(FakeMachineContext.PTE_WRITE);
        kernel.clock[0] = 0;

        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(20L * 4096 + 0x123);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.count("tlb_refills")).isEqualTo(1);
        assertThat(kernel.clock[0]).isEqualTo(machine.costs().tlbRefill());

        assertThat(mmu.translate(0, VA + 4, Access.WRITE)).isEqualTo(20L * 4096 + 0x127);
        assertThat(mmu.translate(0, VA, Access.EXECUTE)).isEqualTo(20L * 4096 + 0x123);
        assertThat(kernel.count("tlb_misses")).isEqualTo(1);
        assertThat(kernel.clock[0]).as("a hit costs nothing extra").isEqualTo(machine.costs().tlbRefill());
        assertThat(kernel.faults).isEmpty();
    }

    @Test
    void the_refill_handler_writes_the_entry_random_names_at_that_moment() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 20, Prot.READ);
        pmap.activate(0);
        kernel.clock[0] = 1000;
        mmu.translate(0, VA, Access.READ);
        int index = Tlb.random(1000 + machine.costs().tlbRefill());
        Tlb tlb = ((R2000Mmu) mmu).tlb(0);
        assertThat(EntryHi.vpn(tlb.entryHi(index))).isEqualTo((int) (VA >>> 12));
        assertThat(EntryLo.pfn(tlb.entryLo(index))).isEqualTo(20);
        assertThat(tlb.entryLo(index) & EntryLo.SOFTWARE_MASK).as("software PTE bits stay out of EntryLo").isZero();
    }

    @Test
    void a_user_access_at_0x80000000_or_above_is_an_address_error_without_a_page_fault() {
        Pmap pmap = mmu.createPmap();
        pmap.activate(0);
        kernel.onFault = (cpu, va, access) -> {
            throw new AssertionError("pageFault must not be called for an address error");
        };
        assertThat(mmu.translate(0, 0x8000_0000L, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, 0xA000_0000L, Access.WRITE)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, 0xFFFF_FFFFL, Access.EXECUTE)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, -4, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).isEmpty();
        assertThat(kernel.count("tlb_misses")).isZero();
    }

    @Test
    void the_last_kuseg_address_is_translated() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, 0x7FFF_F000L, 300, Prot.READ);
        pmap.activate(1);
        assertThat(mmu.translate(1, 0x7FFF_FFFFL, Access.READ)).isEqualTo(300L * 4096 + 0xFFF);
    }

    /** A store through an entry without D raises the TLB modified exception, which copy-on-write relies on. */
    @Test
    void a_store_to_a_read_only_page_asks_the_kernel_with_write_and_retries() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 20, Prot.READ);
        pmap.activate(0);
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(20L * 4096 + 0x123);

        kernel.onFault = (cpu, va, access) -> {
            pmap.enter(cpu, va, 21, Prot.READ | Prot.WRITE); // break copy-on-write: a private copy, writable
            return true;
        };
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(21L * 4096 + 0x123);
        assertThat(kernel.faults).containsExactly(new FakeMachineContext.Fault(0, VA, Access.WRITE));
    }

    @Test
    void a_store_the_kernel_refuses_is_a_fault() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 20, Prot.READ | Prot.EXEC);
        pmap.activate(0);
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).containsExactly(new FakeMachineContext.Fault(0, VA, Access.WRITE));
    }

    @Test
    void a_page_with_no_pte_goes_to_the_kernel_which_maps_it_and_the_access_retries() {
        Pmap pmap = mmu.createPmap();
        pmap.activate(0);
        kernel.onFault = (cpu, va, access) -> {
            pmap.enter(cpu, va, 33, Prot.READ | Prot.WRITE); // zero-fill on first touch
            return true;
        };
        assertThat(mmu.translate(0, VA, Access.WRITE)).isEqualTo(33L * 4096 + 0x123);
        assertThat(kernel.faults).hasSize(1);
        assertThat(kernel.count("tlb_misses")).isEqualTo(2);
        assertThat(kernel.count("tlb_refills")).isEqualTo(1);
    }

    @Test
    void a_prot_none_page_faults_every_access_but_keeps_its_frame() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 40, Prot.NONE);
        pmap.activate(0);
        assertThat(mmu.translate(0, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(mmu.translate(0, VA, Access.EXECUTE)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).hasSize(2);
        assertThat(((R2000Pmap) pmap).frameAt(VA)).isEqualTo(40);
        assertThat(((R2000Pmap) pmap).frameAt(VA + 4096)).isEqualTo(-1);
    }

    @Test
    void a_cpu_with_no_address_space_active_faults_user_accesses() {
        assertThat(mmu.translate(1, VA, Access.READ)).isEqualTo(Mmu.FAULT);
        assertThat(kernel.faults).containsExactly(new FakeMachineContext.Fault(1, VA, Access.READ));
    }

    @Test
    void a_kernel_that_claims_to_resolve_a_fault_but_maps_nothing_is_reported() {
        Pmap pmap = mmu.createPmap();
        pmap.activate(0);
        kernel.onFault = (cpu, va, access) -> true;
        assertThatThrownBy(() -> mmu.translate(0, VA, Access.READ))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0x400123");
    }

    @Test
    void enter_refuses_kernel_addresses_and_missing_frames() {
        Pmap pmap = mmu.createPmap();
        assertThatThrownBy(() -> pmap.enter(0, 0x8000_0000L, 20, Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.enter(0, VA, machine.memory().frames(), Prot.READ)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmap.enter(0, VA, 20, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_destroyed_pmap_cannot_be_used() {
        Pmap pmap = mmu.createPmap();
        pmap.enter(0, VA, 20, Prot.READ);
        pmap.destroy(0);
        assertThatThrownBy(() -> pmap.activate(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ((R2000Pmap) pmap).frameAt(VA)).isInstanceOf(IllegalStateException.class);
    }

    /** Same starting clocks and the same accesses: the same Random values, so the same entries are replaced. */
    @Test
    void the_same_cycle_sequence_gives_the_same_replacement_choices() {
        int[][] first = runManyMisses();
        int[][] second = runManyMisses();
        assertThat(second).isDeepEqualTo(first);
    }

    private static int[][] runManyMisses() {
        FakeMachineContext k = new FakeMachineContext(1);
        R2000Machine m = FakeMachineContext.attachedMachine(1, k);
        Pmap pmap = m.mmu().createPmap();
        for (int page = 0; page < 200; page++) {
            pmap.enter(0, (long) page << 12, 16 + page, Prot.READ);
        }
        pmap.activate(0);
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            m.mmu().translate(0, (long) random.nextInt(200) << 12, Access.READ);
            k.charge(0, random.nextInt(1, 30)); // the program's own work between accesses
        }
        Tlb tlb = ((R2000Mmu) m.mmu()).tlb(0);
        int[][] entries = new int[Tlb.ENTRIES][];
        for (int i = 0; i < Tlb.ENTRIES; i++) {
            entries[i] = new int[] {tlb.entryHi(i), tlb.entryLo(i)};
        }
        return entries;
    }
}
