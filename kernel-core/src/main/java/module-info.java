/**
 * The Sprocket kernel: provider discovery and Dagger wiring, the deterministic multiprocessor engine, processes,
 * signals and system calls. It sees the implementation modules only through sprocket.api.
 */
module sprocket.kernel {
    requires transitive sprocket.api;
    requires org.slf4j;
    requires dagger;
    requires jakarta.inject;
    // The one JSON writer: --stats-json and --trace files.
    requires com.fasterxml.jackson.core;
    // The host watchdog measures what an isolated scheduler's callback allocates (com.sun.management.ThreadMXBean).
    requires jdk.management;

    // The facade for the command and the benchmarks; everything else stays inside.
    exports sprocket.kernel;

    uses sprocket.api.hw.HardwareProvider;
    uses sprocket.api.sched.SchedulerProvider;
    uses sprocket.api.vm.MemoryManagerProvider;
    uses sprocket.api.fs.FileSystemProvider;
    uses sprocket.api.ipc.IpcProvider;
    uses sprocket.api.sys.Program;
}
