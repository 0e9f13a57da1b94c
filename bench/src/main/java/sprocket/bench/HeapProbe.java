package sprocket.bench;

import java.lang.management.ManagementFactory;

/**
 * What bench-procs measured on the host, for the harness to read after the run: the program runs on the JVM's
 * own thread, so it can look at the heap at the one moment that matters (every child alive and paused).
 */
final class HeapProbe {
    static volatile long usedBefore;
    static volatile long usedWithChildren;
    static volatile long maxHeap;
    static volatile int children;
    static volatile long forkNanos;
    /** The fork phase in CPU time of the thread that runs the simulation (the collector's threads not counted). */
    static volatile long forkCpuNanos;
    /**
     * Bytes the simulating thread allocated in the fork phase: what the collector has to deal with, a figure the
     * host's load does not move.
     */
    static volatile long forkAllocated;

    private HeapProbe() {
    }

    /** Heap in use after a full collection; the collection is what makes two readings comparable. */
    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** CPU time of the calling thread, the one the whole simulation runs on. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Bytes the calling thread has allocated so far. */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static void reset() {
        usedBefore = 0;
        usedWithChildren = 0;
        maxHeap = Runtime.getRuntime().maxMemory();
        children = 0;
        forkNanos = 0;
        forkCpuNanos = 0;
        forkAllocated = 0;
    }
}
