package sprocket.vm.regions;

import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Prot;

/** An MMU that translates through the active pmap and, on a miss or a forbidden access, asks the fault handler. */
final class FakeMmu implements Mmu {
    /** The kernel's page-fault entry: AddressSpace.fault, 0 or the signal the process gets. */
    interface FaultHandler {
        int pageFault(int cpu, long vaddr, Access access);
    }

    private final int pageSize;
    final FakePmap[] active = new FakePmap[4];
    FaultHandler handler;
    /** Told of every entry a pmap's remove takes out, with its frame, while the remove runs; null: nobody listens. */
    java.util.function.ObjIntConsumer<FakePmap> onRemove;
    int faults;
    int pmaps;
    /** The signal the last failed fault asked for, 0 after a translation that succeeded. */
    int lastSignal;

    FakeMmu(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Its pmaps are maps on the heap the tests never count. */
    @Override
    public long tableBytes() {
        return 0;
    }

    @Override
    public FakePmap createPmap() {
        pmaps++;
        return new FakePmap(this, pageSize);
    }

    @Override
    public long translate(int cpu, long vaddr, Access access) {
        // Two tries: the first may fault and be resolved; a second fault means the kernel lied.
        for (int attempt = 0; attempt < 2; attempt++) {
            FakePmap.Mapping m = active[cpu].at(vaddr);
            if (m != null && Prot.allows(m.prot(), access)) {
                lastSignal = 0;
                return (long) m.frame() * pageSize + (vaddr & (pageSize - 1));
            }
            if (attempt == 1) {
                throw new AssertionError("fault at " + Long.toHexString(vaddr) + " resolved without a usable mapping");
            }
            faults++;
            int sig = handler.pageFault(cpu, vaddr, access);
            if (sig != 0) {
                lastSignal = sig;
                return FAULT;
            }
        }
        return FAULT;
    }
}
