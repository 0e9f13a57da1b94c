package sprocket.api.hw;

/** The interrupt vectors the kernel handles. Machines map their own lines onto these. */
public final class Vectors {
    /** The per-CPU clock tick. */
    public static final int TIMER = 0x20;
    /** Another CPU asks this one to reschedule (a task was queued for it). */
    public static final int RESCHEDULE = 0xF0;
    /** Another CPU asks this one to flush TLB entries. */
    public static final int TLB_SHOOTDOWN = 0xF1;

    private Vectors() {
    }
}
