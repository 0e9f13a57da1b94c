package sprocket.kernel.boot;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Sys;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FallbackScheduler;
import sprocket.kernel.engine.SchedMetrics;
import sprocket.kernel.lifecycle.Exit;
import sprocket.kernel.lifecycle.Fork;
import sprocket.kernel.lifecycle.Programs;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;
import sprocket.kernel.syscall.Strace;
import sprocket.kernel.syscall.SyscallFigures;
import sprocket.kernel.syscall.Traps;
import sprocket.kernel.syscall.UserEntry;
import sprocket.kernel.vfs.FileSystemTypes;
import sprocket.kernel.vfs.FileTable;
import sprocket.kernel.vfs.NameSpace;

/** One booted kernel: the machine and the chosen providers in, the kernel's parts out. */
@Singleton
@Component(modules = KernelModule.class)
interface KernelComponent {
    Engine engine();

    MemoryManager memory();

    NameSpace nameSpace();

    FileTable fileTable();

    Ipc ipc();

    ProcTable procTable();

    Signals signals();

    ShareGroups shareGroups();

    Fork fork();

    Exit exit();

    UserEntry userEntry();

    Traps traps();

    Sys sys();

    Locks locks();

    Stats stats();

    SchedMetrics schedMetrics();

    SyscallFigures syscallFigures();

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
        Builder fileSystems(FileSystemTypes types);

        @BindsInstance
        Builder ipc(IpcProvider provider);

        @BindsInstance
        Builder console(Console console);

        @BindsInstance
        Builder programs(Programs programs);

        @BindsInstance
        Builder trace(Trace trace);

        @BindsInstance
        Builder strace(Strace strace);

        KernelComponent build();
    }
}
