package sprocket.kernel.syscall;

import static sprocket.api.Signals.SIGBUS;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.hw.Access;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.sys.UserCpu;
import sprocket.api.sys.Wait;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.lifecycle.Exit;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;

/**
 * The user-mode CPU: loads, stores and the atomic primitive through the MMU, computing, the cycle counter and the
 * stack pointer. Nothing here enters the kernel unless the hardware traps: a fault the memory manager cannot mend
 * delivers SIGSEGV (or SIGKILL out of memory), and the end of a quantum returns to the engine as a timer would.
 */
@Singleton
public final class UserCpuImpl implements UserCpu {
    private final Engine engine;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final MemorySystem caches;
    private final Delivery delivery;
    private final UserReturn userReturn;
    private final Exit exit;

    @Inject
    UserCpuImpl(Engine engine, Machine machine, Delivery delivery, UserReturn userReturn, Exit exit) {
        this.engine = engine;
        this.mmu = machine.mmu();
        this.memory = machine.memory();
        this.caches = machine.memorySystem();
        this.delivery = delivery;
        this.userReturn = userReturn;
        this.exit = exit;
    }

    /** The running process, for work done in user mode. */
    private Proc user() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("memory was touched outside a simulated process");
        Proc p = (Proc) t;
        if (p.exiting()) throw ProcessExit.INSTANCE;
        return p;
    }

    /** User-mode work by {@code p}: it is preempted when its turn is over. */
    private void charge(Proc p, long cycles) {
        Cpu c = p.cpu();
        c.now += cycles;
        if (c.turnOver()) userReturn.preempted(p);
    }

    /** Translates for a user access; a fault the kernel cannot mend is a signal, after which the access retries. */
    private long translate(Proc p, long va, Access access) {
        long pa = mmu.translate(p.cpu().id, va, access);
        if (pa == Mmu.FAULT) {
            deliverFault(p, false);
            pa = mmu.translate(p.cpu().id, va, access);
            if (pa == Mmu.FAULT) deliverFault(p, true);
        }
        return pa;
    }

    /** The signal for an access the kernel could not mend: what the memory manager chose, SIGSEGV by default. */
    private void deliverFault(Proc p, boolean secondTime) {
        int sig = p.faultSignal == 0 ? SIGSEGV : p.faultSignal;
        p.faultSignal = 0;
        // Out of memory: the memory manager's SIGKILL, which no handler may catch.
        if (sig == SIGKILL) exit.exit(p, Wait.signaled(SIGKILL, false));
        delivery.fault(p, sig, secondTime);
    }

    private long load(long va, int width, Access access) {
        Proc p = user();
        long pa = translate(p, va, access);
        long v = memory.load(pa, width);
        Cpu c = p.cpu();
        charge(p, caches.load(c.id, c.now, pa, width));
        return v;
    }

    private void store(long va, int width, long value) {
        Proc p = user();
        long pa = translate(p, va, Access.WRITE);
        memory.store(pa, width, value);
        Cpu c = p.cpu();
        charge(p, caches.store(c.id, c.now, pa, width));
    }

    @Override
    public byte load8(long addr) {
        return (byte) load(addr, 1, Access.READ);
    }

    @Override
    public short load16(long addr) {
        return (short) load(addr, 2, Access.READ);
    }

    @Override
    public int load32(long addr) {
        return (int) load(addr, 4, Access.READ);
    }

    @Override
    public long load64(long addr) {
        return load(addr, 8, Access.READ);
    }

    @Override
    public double loadDouble(long addr) {
        return Double.longBitsToDouble(load(addr, 8, Access.READ));
    }

    @Override
    public void store8(long addr, byte value) {
        store(addr, 1, value);
    }

    @Override
    public void store16(long addr, short value) {
        store(addr, 2, value);
    }

    @Override
    public void store32(long addr, int value) {
        store(addr, 4, value);
    }

    @Override
    public void store64(long addr, long value) {
        store(addr, 8, value);
    }

    @Override
    public void storeDouble(long addr, double value) {
        store(addr, 8, Double.doubleToRawLongBits(value));
    }

    /**
     * test_and_set(3) on the machine's atomic primitive, at what the memory system spends on it: a locked
     * read-modify-write on the x86's bus, the lock unit on the R2000's synchronisation bus; a failed attempt costs
     * as much as a successful one.
     */
    @Override
    public int test_and_set(long va, int value) {
        Proc p = user();
        if ((va & 3) != 0) delivery.fault(p, SIGBUS, true);
        long pa = translate(p, va, Access.WRITE);
        int old = (int) memory.load(pa, 4);
        memory.store(pa, 4, value);
        Cpu c = p.cpu();
        charge(p, caches.testAndSet(c.id, c.now, pa));
        return old;
    }

    /** Stores 0 to a word test_and_set took: the unlock half, at what the memory system spends on it. */
    @Override
    public void lock_release(long va) {
        Proc p = user();
        long pa = translate(p, va, Access.WRITE);
        memory.store(pa, 4, 0);
        Cpu c = p.cpu();
        charge(p, caches.lockRelease(c.id, c.now, pa));
    }

    /** Spends {@code cycles} computing in user mode, a quantum at a time. */
    @Override
    public void burn(long cycles) {
        Proc p = user();
        long left = cycles;
        while (left > 0) {
            Cpu c = p.cpu();
            long step = Math.min(left, Math.max(1, c.limitLeft()));
            c.now += step;
            left -= step;
            if (c.turnOver()) userReturn.preempted(p);
        }
    }

    @Override
    public long cycles() {
        return user().cpu().now;
    }

    @Override
    public long stackPointer() {
        return user().stackPointer;
    }
}
