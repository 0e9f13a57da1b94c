package sprocket.kernel.core;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.hw.Machine;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Settings;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;

/** One booted kernel: the machine and the chosen providers in, the kernel's parts out. */
@Singleton
@Component(modules = KernelModule.class)
interface KernelComponent {
    Engine engine();

    Scheduler scheduler();

    MemoryManager memory();

    FileSystem fileSystem();

    Ipc ipc();

    ProcTable procTable();

    Signals signals();

    ProcBlock procBlock();

    ShareGroups shareGroups();

    Lifecycle lifecycle();

    KernelServicesImpl services();

    Locks locks();

    Stats stats();

    SchedMetrics schedMetrics();

    KernelTunables tunables();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder settings(Settings settings);

        @BindsInstance
        Builder machine(Machine machine);

        @BindsInstance
        Builder scheduler(SchedulerProvider provider);

        @BindsInstance
        Builder fallbackScheduler(FallbackScheduler fallback);

        @BindsInstance
        Builder memory(MemoryManagerProvider provider);

        @BindsInstance
        Builder fileSystem(FileSystemProvider provider);

        @BindsInstance
        Builder ipc(IpcProvider provider);

        @BindsInstance
        Builder console(Console console);

        @BindsInstance
        Builder programs(Programs programs);

        @BindsInstance
        Builder trace(Trace trace);

        KernelComponent build();
    }
}
