/** The Intel MultiProcessor Specification 1.4 machine: Pentium CPUs, local APICs, MP tables in BIOS memory, i386 paging. */
module sprocket.hw.x86mps {
    requires transitive sprocket.api;

    requires org.slf4j;

    provides sprocket.api.hw.HardwareProvider with sprocket.hw.x86mps.X86MpsProvider;
}
