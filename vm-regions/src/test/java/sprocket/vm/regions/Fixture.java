package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import sprocket.api.hw.Access;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Mmu;
import sprocket.api.kernel.KernelServices;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.VmContext;

/**
 * A booted memory manager on a fake machine with 4 KiB pages, and user loads and stores that go through the
 * fake MMU the way a program's do: a missing or forbidden translation calls the space's fault handler.
 */
final class Fixture {
    static final int PAGE = 4096;
    /** Frames below this belong to the "firmware" and must never be handed out. */
    static final int FIRST = 3;
    static final long TEXT = RegionAddressSpace.TEXT_BASE;
    static final long STACK_TOP = RegionAddressSpace.STACK_TOP;

    record Context(Machine machine, KernelServices kernel) implements VmContext {
    }

    final FakePhysicalMemory memory;
    final FakeMmu mmu;
    final FakeKernel kernel = new FakeKernel();
    final MemoryManager vm;

    /** {@code allocatable} frames for the memory manager, after FIRST firmware frames and before one more. */
    Fixture(int allocatable) {
        this(allocatable, 64L << 20);
    }

    /** The same, with {@code vm.data_reserve} set to {@code dataReserve} bytes. */
    Fixture(int allocatable, long dataReserve) {
        kernel.dataReserve = dataReserve;
        memory = new FakePhysicalMemory(PAGE, FIRST + allocatable + 1, FIRST, FIRST + allocatable);
        mmu = new FakeMmu(PAGE);
        kernel.memory = memory;
        vm = new RegionsProvider().create(new Context(new FakeMachine(memory, mmu), kernel));
    }

    static Image image(String program, long text, long data, long stackLimit) {
        return new Image(program, text, data, stackLimit);
    }

    AddressSpace create(Image image) {
        AddressSpace as = vm.create(0, image);
        assertThat(as).isNotNull();
        return as;
    }

    /** Runs {@code as} on CPU 0 and translates, or returns Mmu.FAULT. */
    long translate(AddressSpace as, long vaddr, Access access) {
        as.pmap().activate(0);
        mmu.handler = as::fault;
        return mmu.translate(0, vaddr, access);
    }

    boolean canStore(AddressSpace as, long vaddr) {
        return translate(as, vaddr, Access.WRITE) != Mmu.FAULT;
    }

    boolean canLoad(AddressSpace as, long vaddr) {
        return translate(as, vaddr, Access.READ) != Mmu.FAULT;
    }

    void store(AddressSpace as, long vaddr, int value) {
        long pa = translate(as, vaddr, Access.WRITE);
        assertThat(pa).as("store to 0x%x", vaddr).isNotEqualTo(Mmu.FAULT);
        memory.store(pa, 4, value);
    }

    int load(AddressSpace as, long vaddr) {
        long pa = translate(as, vaddr, Access.READ);
        assertThat(pa).as("load from 0x%x", vaddr).isNotEqualTo(Mmu.FAULT);
        return (int) memory.load(pa, 4);
    }

    /** The signal the last failed translation's fault returned (SIGSEGV, SIGKILL), or 0 after a success. */
    int signal() {
        return mmu.lastSignal;
    }

    /** The memory manager itself, for looking at its frames and caches. */
    RegionMemoryManager mm() {
        return (RegionMemoryManager) vm;
    }

    FakePmap pmap(AddressSpace as) {
        return (FakePmap) as.pmap();
    }
}
