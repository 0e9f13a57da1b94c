/**
 * Sprocket benchmarks: programs that exercise one kernel path each, and a harness that times them on the host.
 */
module sprocket.bench {
    requires transitive sprocket.api;
    requires org.slf4j;
    requires java.management;
    // The bytes a thread allocated (com.sun.management.ThreadMXBean), for the fork figure.
    requires jdk.management;
    requires sprocket.kernel;
    // JMH for the nanosecond figures (NanoBenchmarks); JMH itself runs them on the class path.
    requires jmh.core;
    // The benchmark programs are programs: they link with the C library.
    requires sprocket.libc;
    // The implementation modules: required so they resolve on the module path and ServiceLoader finds them.
    requires sprocket.hw.r2000;
    requires sprocket.hw.x86mps;
    requires sprocket.sched;
    requires sprocket.vm.regions;
    requires sprocket.fs;
    requires sprocket.ipc;

    // The decision figure drives the built-in policies itself, found as the kernel finds them.
    uses sprocket.api.sched.SchedulerProvider;
    // The cache-hit figure builds each machine itself, found as the kernel finds them.
    uses sprocket.api.hw.HardwareProvider;

    provides sprocket.api.sys.Program with sprocket.bench.NullSyscall, sprocket.bench.YieldPair,
            sprocket.bench.ForkWait, sprocket.bench.PausedChildren, sprocket.bench.PageTouch,
            sprocket.bench.CowFork, sprocket.bench.Spinners, sprocket.bench.PipePingPong,
            sprocket.bench.PipeStream, sprocket.bench.ShmCycle;
}
