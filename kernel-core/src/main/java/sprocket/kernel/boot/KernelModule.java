package sprocket.kernel.boot;

import dagger.Binds;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.PipeResult;
import sprocket.api.hw.Machine;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcContext;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Sys;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.api.vm.VmContext;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.engine.SchedMetrics;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.services.KernelServicesImpl;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.syscall.SysImpl;

/** How the kernel is put together from the machine and the providers the configuration picked. */
@Module
interface KernelModule {

    @Binds
    Sys sys(SysImpl impl);

    @Binds
    KernelServices services(KernelServicesImpl impl);

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
    static ProcTable procTable(KernelTunables t, Stats stats) {
        return new ProcTable(t.maxusers, t.maxpid, stats);
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

    /**
     * The root file system. Its FIFOs take their buffers from the IPC module, which needs the file system for
     * AF_UNIX names: until FIFOs move into the kernel's own file layer, the IPC module is asked for late.
     */
    @Provides
    @Singleton
    static FileSystem fileSystem(FileSystemProvider provider, KernelServices services, Console console,
            Lazy<Ipc> ipc) {
        return provider.create(new FsContext() {
            @Override
            public KernelServices kernel() {
                return services;
            }

            @Override
            public Console console() {
                return console;
            }

            @Override
            public PipeResult pipe() {
                return ipc.get().pipe();
            }
        });
    }

    @Provides
    @Singleton
    static Ipc ipc(IpcProvider provider, KernelServices services, MemoryManager memory, FileSystem fs) {
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
            public FileSystem fileSystem() {
                return fs;
            }
        });
    }
}
