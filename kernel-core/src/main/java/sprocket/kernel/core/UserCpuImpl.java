package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.sys.UserCpu;

/** The user-mode CPU: loads, stores and atomics through the MMU, computing, the cycle counter, the stack pointer. */
@Singleton
final class UserCpuImpl implements UserCpu {
    private final MemoryCalls memory;
    private final CpuCalls cpu;
    private final SyscallFrame frame;

    @Inject
    UserCpuImpl(MemoryCalls memory, CpuCalls cpu, SyscallFrame frame) {
        this.memory = memory;
        this.cpu = cpu;
        this.frame = frame;
    }

    @Override
    public byte load8(long addr) {
        return memory.load8(addr);
    }

    @Override
    public short load16(long addr) {
        return memory.load16(addr);
    }

    @Override
    public int load32(long addr) {
        return memory.load32(addr);
    }

    @Override
    public long load64(long addr) {
        return memory.load64(addr);
    }

    @Override
    public double loadDouble(long addr) {
        return memory.loadDouble(addr);
    }

    @Override
    public void store8(long addr, byte value) {
        memory.store8(addr, value);
    }

    @Override
    public void store16(long addr, short value) {
        memory.store16(addr, value);
    }

    @Override
    public void store32(long addr, int value) {
        memory.store32(addr, value);
    }

    @Override
    public void store64(long addr, long value) {
        memory.store64(addr, value);
    }

    @Override
    public void storeDouble(long addr, double value) {
        memory.storeDouble(addr, value);
    }

    @Override
    public int test_and_set(long addr, int value) {
        return memory.testAndSet(addr, value);
    }

    @Override
    public void lock_release(long addr) {
        memory.atomicClear(addr);
    }

    @Override
    public void burn(long cycles) {
        cpu.burn(cycles);
    }

    @Override
    public long cycles() {
        return cpu.cycles();
    }

    @Override
    public long stackPointer() {
        return frame.user().stackPointer;
    }
}
