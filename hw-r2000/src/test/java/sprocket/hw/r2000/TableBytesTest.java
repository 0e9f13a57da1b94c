package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

/**
 * Mmu.tableBytes: "Bytes of the host's memory held now by the translation tables of every pmap not yet destroyed
 * ... move as tables are made and freed." The R2000's are its software page tables: a directory on the first
 * mapping and a leaf for each 4 MB stretch (1,024 pages) with a page mapped.
 */
class TableBytesTest {

    private static final long LEAF_SPAN = 1024L * 4096;

    private final FakeMachineContext kernel = new FakeMachineContext(1);
    private final R2000Mmu mmu = (R2000Mmu) FakeMachineContext.attachedMachine(1, kernel).mmu();

    @Test
    void a_directory_on_the_first_mapping_and_a_leaf_per_stretch_mapped_count_until_unmapped_or_destroyed() {
        Pmap a = mmu.createPmap();
        Pmap b = mmu.createPmap();
        assertThat(mmu.tableBytes()).as("pmaps that map nothing").isZero();

        a.enter(0, 0x10000, 50, Prot.READ);
        a.enter(0, 0x11000, 51, Prot.READ); // the same leaf
        a.enter(0, 0x10000 + 3 * LEAF_SPAN, 52, Prot.READ);
        b.enter(0, 0x10000, 53, Prot.READ);
        long one = PageTable.DIRECTORY_BYTES + PageTable.LEAF_BYTES;
        assertThat(mmu.tableBytes()).isEqualTo(2 * one + PageTable.LEAF_BYTES);

        a.remove(0, 0x10000 + 3 * LEAF_SPAN, 4096); // its last page: the leaf goes
        assertThat(mmu.tableBytes()).isEqualTo(2 * one);

        a.destroy(0);
        a.destroy(0); // again: nothing more given back
        assertThat(mmu.tableBytes()).isEqualTo(one);
        b.remove(0, 0, 1L << 31);
        assertThat(mmu.tableBytes()).as("the directory stays while the pmap lives").isEqualTo(PageTable.DIRECTORY_BYTES);
        b.destroy(0);
        assertThat(mmu.tableBytes()).isZero();
    }
}
