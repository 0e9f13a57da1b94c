package sprocket.kernel.core;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.hw.Machine;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Sys;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.api.vm.VmContext;

/** How the kernel is put together from the providers the configuration picked. */
@Module
interface KernelModule {

    @Binds
    Sys sys(SysImpl impl);

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
    static Engine engine(Machine machine, Stats stats, Trace trace, Locks locks, KernelTunables t, Randoms randoms) {
        long tick = Math.max(1, machine.description().clockHz() / t.hz);
        Engine engine = new Engine(machine, stats, trace, locks, t.quantum, tick);
        machine.attach(new MachineContextImpl(engine, stats, randoms));
        return engine;
    }

    @Provides
    @Singleton
    static KernelServicesImpl services(Engine engine, Stats stats, Randoms randoms, Settings settings) {
        return new KernelServicesImpl(engine, stats, randoms, settings);
    }

    @Provides
    @Singleton
    static Scheduler scheduler(SchedulerProvider provider, FallbackScheduler fallback, Engine engine, Stats stats,
            Randoms randoms, Settings settings, KernelTunables t) {
        SchedulerContextImpl context = new SchedulerContextImpl(engine, stats, randoms, settings);
        GuardedScheduler guard;
        try {
            guard = new GuardedScheduler(provider.create(context), provider.name(), fallback.provider(), context, stats,
                    engine::adopt);
        } catch (RuntimeException e) {
            // A policy that cannot even be created is ejected before it starts.
            guard = new GuardedScheduler(null, provider.name(), fallback.provider(), context, stats, engine::adopt);
            guard.eject("create threw " + e, e);
        }
        engine.scheduler = guard;
        engine.guard = guard;
        engine.watchdogCycles = t.watchdogMillis * (engine.machine.description().clockHz() / 1000);
        return guard;
    }

    @Provides
    @Singleton
    static MemoryManager memory(MemoryManagerProvider provider, Machine machine, KernelServicesImpl services) {
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
    static FileSystem fileSystem(FileSystemProvider provider, KernelServicesImpl services, Console console,
            dagger.Lazy<Ipc> ipc) {
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
            public sprocket.api.fs.PipeResult pipe() {
                // A FIFO's buffer is an IPC pipe; the IPC module is made after the file system, so ask late.
                return ipc.get().pipe();
            }
        });
    }

    @Provides
    @Singleton
    static Ipc ipc(IpcProvider provider, KernelServicesImpl services, MemoryManager memory, FileSystem fs) {
        return provider.create(new sprocket.api.ipc.IpcContext() {
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
}
