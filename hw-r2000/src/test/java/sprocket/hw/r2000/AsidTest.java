package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.hw.Vectors;

class AsidTest {

    private final FakeMachineContext kernel = new FakeMachineContext(2);
    private final R2000Machine machine = FakeMachineContext.attachedMachine(2, kernel);
    private final R2000Mmu mmu = (R2000Mmu) machine.mmu();

    private Pmap spaceWithPages(int firstFrame, int pages) {
        Pmap pmap = mmu.createPmap();
        for (int p = 0; p < pages; p++) {
            pmap.enter(0, (long) p << 12, firstFrame + p, Prot.READ | Prot.WRITE);
        }
        return pmap;
    }

    private void touch(int cpu, int pages) {
        for (int p = 0; p < pages; p++) {
            assertThat(mmu.translate(cpu, (long) p << 12, Access.READ)).isNotEqualTo(-1L);
        }
    }

    /** The point of ASIDs: a context switch changes EntryHi's ASID and flushes nothing. */
    @Test
    void switching_between_two_address_spaces_keeps_both_sets_of_tlb_entries() {
        Pmap a = spaceWithPages(100, 4);
        Pmap b = spaceWithPages(200, 4);
        a.activate(0);
        touch(0, 4);
        int asidA = mmu.activeAsid(0);
        b.activate(0);
        touch(0, 4);
        int asidB = mmu.activeAsid(0);
        assertThat(asidA).isNotEqualTo(asidB);
        assertThat(kernel.count("tlb_misses")).isEqualTo(8);

        a.activate(0);
        assertThat(mmu.activeAsid(0)).isEqualTo(asidA);
        assertThat(mmu.translate(0, 0x2000, Access.READ)).isEqualTo(102L * 4096);
        b.activate(0);
        assertThat(mmu.translate(0, 0x2000, Access.READ)).isEqualTo(202L * 4096);
        assertThat(kernel.count("tlb_misses")).as("no flush on an ordinary switch").isEqualTo(8);
        assertThat(kernel.count("asid_wraps")).isZero();
    }

    @Test
    void a_65th_address_space_wraps_the_generation_and_flushes_every_tlb() {
        Tlb tlb0 = mmu.tlb(0);
        tlb0.tlbwi(2, EntryHi.of(0x300, 0), EntryLo.pte(17, 1) | EntryLo.G); // a wired kernel entry
        List<Pmap> spaces = new ArrayList<>();
        for (int i = 0; i < AsidAllocator.ASIDS; i++) {
            Pmap p = spaceWithPages(100 + i, 1);
            spaces.add(p);
            p.activate(0);
            touch(0, 1);
        }
        Pmap onCpu1 = spaces.get(5);
        onCpu1.activate(1);
        touch(1, 1);
        assertThat(kernel.count("asid_wraps")).isZero();
        assertThat(mmu.asids().inUse()).isEqualTo(64);

        Pmap sixtyFifth = spaceWithPages(400, 1);
        sixtyFifth.activate(0);

        assertThat(kernel.count("asid_wraps")).isEqualTo(1);
        for (int cpu = 0; cpu < 2; cpu++) {
            Tlb tlb = mmu.tlb(cpu);
            for (int i = Tlb.WIRED; i < Tlb.ENTRIES; i++) {
                assertThat(EntryLo.valid(tlb.entryLo(i))).as("CPU %d entry %d after the wrap", cpu, i).isFalse();
            }
        }
        assertThat(tlb0.entryHi(2)).as("the wired entry survives").isEqualTo(EntryHi.of(0x300, 0));
        assertThat(kernel.posts).as("CPU 1 is told to flush").containsExactly(
                new FakeMachineContext.Post(1, Vectors.TLB_SHOOTDOWN, kernel.posts.get(0).atCycle()));
        assertThat(mmu.activeAsid(0)).isNotEqualTo(mmu.activeAsid(1));
        assertThat(mmu.activeAsid(1)).as("the space running on CPU 1 got an ASID of the new generation").isNotNegative();

        // both CPUs translate through their own spaces after the wrap
        assertThat(mmu.translate(0, 0, Access.READ)).isEqualTo(400L * 4096);
        assertThat(mmu.translate(1, 0, Access.READ)).isEqualTo(105L * 4096);
        // an old space comes back with a fresh ASID and its own pages
        spaces.get(0).activate(0);
        assertThat(mmu.activeAsid(0)).isNotEqualTo(mmu.activeAsid(1));
        assertThat(mmu.translate(0, 0, Access.READ)).isEqualTo(100L * 4096);
    }

    @Test
    void a_destroyed_space_frees_its_asid_and_its_successor_sees_none_of_its_entries() {
        Pmap a = spaceWithPages(100, 2);
        a.activate(0);
        touch(0, 2);
        int asid = mmu.activeAsid(0);
        a.destroy(0);
        assertThat(mmu.activeAsid(0)).isEqualTo(-1);
        assertThat(mmu.asids().inUse()).isZero();

        Pmap b = spaceWithPages(300, 2);
        b.activate(0);
        assertThat(mmu.activeAsid(0)).as("the lowest free ASID is handed out again").isEqualTo(asid);
        assertThat(mmu.translate(0, 0x1000, Access.READ)).isEqualTo(301L * 4096);
    }

    @Test
    void a_share_group_running_on_two_cpus_uses_one_asid() {
        Pmap shared = spaceWithPages(100, 1);
        shared.activate(0);
        shared.activate(1);
        assertThat(mmu.activeAsid(0)).isEqualTo(mmu.activeAsid(1));
        assertThat(mmu.translate(1, 0, Access.READ)).isEqualTo(100L * 4096);
    }
}
