/**
 * The MIPS R2000 machine: a shared-memory multiprocessor of R2000 CPUs with software-managed TLBs, 6-bit ASIDs
 * and a hardware lock unit on the bus, in the style of SGI's early Power Series.
 */
module sprocket.hw.r2000 {
    requires transitive sprocket.api;

    requires org.slf4j;

    provides sprocket.api.hw.HardwareProvider with sprocket.hw.r2000.R2000Provider;
}
