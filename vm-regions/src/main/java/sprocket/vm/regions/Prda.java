package sprocket.vm.regions;

import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;

import sprocket.api.ErrnoException;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;
import sprocket.api.sys.Prctl;

/**
 * The process data area of one view: the read/write page at {@link Prctl#PRDA}, private to the process even in a
 * share group ("Certain small parts of a process's VM space are not shared. The most critical of these is the process
 * data area, or PRDA"). It costs nothing until first touched; then it is zero-filled like any page and the kernel
 * writes its part (t_pid, t_rpid, t_cpu) into the frame before the process sees it. fork(2) and sproc(2) give the
 * new process a new, untouched one, so those fields name the new process.
 */
final class Prda {
    private static final int RW = Prot.READ | Prot.WRITE;

    private final RegionMemoryManager mm;
    private int frame = -1;

    Prda(RegionMemoryManager mm) {
        this.mm = mm;
    }

    /** Whether {@code vaddr} lies in the PRDA page. */
    static boolean holds(long vaddr, long pageMask) {
        return (vaddr & ~pageMask) == Prctl.PRDA;
    }

    /** Whether {@code [lo, hi)} reaches into the PRDA page. */
    static boolean overlaps(long lo, long hi, int pageSize) {
        return lo < Prctl.PRDA + pageSize && hi > Prctl.PRDA;
    }

    /** Resolves a fault on the PRDA page in {@code pmap}: 0, SIGSEGV for an execute, SIGKILL with no frame left. */
    int fault(int cpu, Access access, Pmap pmap) {
        if (!Prot.allows(RW, access)) {
            return SIGSEGV;
        }
        if (frame < 0) {
            int f = mm.frames.allocate();
            if (f < 0) {
                mm.outOfMemory.increment();
                return SIGKILL;
            }
            mm.zeroFrame(cpu, f);
            mm.zeroFills.increment();
            frame = f;
            // IRIX fills prda_sys on the PRDA's first fault, before the process can look at it.
            mm.kernel.prdaFilled((long) f << mm.pageShift);
        }
        try {
            pmap.enter(cpu, Prctl.PRDA, frame, RW);
            return 0;
        } catch (ErrnoException e) {
            mm.outOfMemory.increment();
            return SIGKILL; // no room for the page table: as for want of a frame (the PRDA stays, unmapped)
        }
    }

    /** The frame behind the page, or -1 before the first touch. */
    int frame() {
        return frame;
    }

    /** 1 when the page has a frame, else 0. */
    int resident() {
        return frame < 0 ? 0 : 1;
    }

    /** Frees the frame, if any; the caller's pmap goes with it. */
    void release() {
        if (frame >= 0) {
            mm.frames.free(frame);
            frame = -1;
        }
    }
}
