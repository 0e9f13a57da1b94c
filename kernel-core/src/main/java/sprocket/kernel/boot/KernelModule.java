package sprocket.kernel.boot;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Mmu;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcContext;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.ipc.SocketNames;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Sys;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.api.vm.VmContext;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.dev.Cdevsw;
import sprocket.kernel.engine.FaultInjection;
import sprocket.kernel.engine.SchedMetrics;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.services.KernelServicesImpl;
import sprocket.kernel.services.SocketNamesImpl;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.syscall.SysImpl;
import sprocket.kernel.tty.Terminals;
import sprocket.kernel.uio.UserCopy;
import sprocket.kernel.vfs.FileTable;
import sprocket.kernel.vfs.InodeTable;

/**
 * How the kernel is put together from the machine and the providers the configuration picked. The order is the
 * dependencies' own: the memory manager, then the name space (the file systems mounted), then the IPC module, which
 * reaches AF_UNIX names through the name space, then the open-file layer, whose FIFOs take their pipes from the IPC
 * module.
 */
@Module
interface KernelModule {

    @Binds
    Sys sys(SysImpl impl);

    @Binds
    KernelServices services(KernelServicesImpl impl);

    @Binds
    SocketNames socketNames(SocketNamesImpl impl);

    @Provides
    @Singleton
    static Stats stats() {
        return new Stats();
    }

    @Provides
    @Singleton
    static KernelTunables tunables(Settings settings) {
        return new KernelTunables(settings);
    }

    @Provides
    @Singleton
    static Randoms randoms(KernelTunables t) {
        return new Randoms(t.seed);
    }

    @Provides
    @Singleton
    static Locks locks(KernelTunables t, Machine machine) {
        return new Locks(t.lock, machine.atomics(), machine.description().cpus());
    }

    @Provides
    @Singleton
    static SchedMetrics schedMetrics() {
        return new SchedMetrics();
    }

    @Provides
    @Singleton
    static ProcTable procTable(KernelTunables t, Stats stats, FaultInjection faults, Machine machine) {
        Mmu mmu = machine.mmu();
        return new ProcTable(t.maxusers, t.maxpid, t.heapBudget, mmu::tableBytes, stats, faults);
    }

    /** The system open file table, of kernel.nfile entries. */
    @Provides
    @Singleton
    static FileTable fileTable(KernelTunables t, KernelServices services, UserCopy copy) {
        return new FileTable(t.nfile, services, copy);
    }

    /** The in-core inode table, of kernel.ninode entries. */
    @Provides
    @Singleton
    static InodeTable inodeTable(KernelTunables t) {
        return new InodeTable(t.ninode);
    }

    /** copyin and copyout, at the machine's copy cost. */
    @Provides
    @Singleton
    static UserCopy userCopy(Machine machine, KernelServices services) {
        return new UserCopy(machine.mmu(), machine.memory(), machine.costs().copyWord(), services);
    }

    /**
     * The character device switch: the console (a terminal with the line discipline when the host's console is one,
     * else the host's streams as they are), the memory devices, /dev/tty.
     */
    @Provides
    @Singleton
    static Cdevsw cdevsw(Console console, Terminals terminals) {
        return new Cdevsw(console, terminals.console(), terminals.controlling());
    }

    @Provides
    @Singleton
    static MemoryManager memory(MemoryManagerProvider provider, Machine machine, KernelServices services) {
        return provider.create(new VmContext() {
            @Override
            public Machine machine() {
                return machine;
            }

            @Override
            public KernelServices kernel() {
                return services;
            }
        });
    }

    @Provides
    @Singleton
    static Ipc ipc(IpcProvider provider, KernelServices services, MemoryManager memory, SocketNames names) {
        return provider.create(new IpcContext() {
            @Override
            public KernelServices kernel() {
                return services;
            }

            @Override
            public MemoryManager memory() {
                return memory;
            }

            @Override
            public SocketNames names() {
                return names;
            }
        });
    }
}
