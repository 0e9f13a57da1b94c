package sprocket.hw.x86mps;

import java.util.List;

/**
 * An MP configuration table as a kernel reads it (MPS 1.4, chapter 4): the header's identity and local APIC
 * address, and its processor, bus and I/O APIC entries in table order.
 */
record MpConfiguration(int specRevision, String oemId, String productId, long localApicAddress,
        List<Processor> processors, List<Bus> buses, List<IoApic> ioApics) {

    MpConfiguration {
        processors = List.copyOf(processors);
        buses = List.copyOf(buses);
        ioApics = List.copyOf(ioApics);
    }

    /** A processor entry (type 0). */
    record Processor(int apicId, int apicVersion, int flags, int signature, int features) {

        /** CPU flags bit 0, EN: zero means the processor is unusable. */
        boolean enabled() {
            return (flags & MpTableWriter.CPU_ENABLED) != 0;
        }

        /** CPU flags bit 1, BP: the bootstrap processor. */
        boolean bootstrap() {
            return (flags & MpTableWriter.CPU_BOOTSTRAP) != 0;
        }

        /** The CPUID signature in words. */
        String model() {
            int family = signature >> 8 & 0xF;
            String name = switch (family) {
                case 4 -> "Intel 486DX";
                case 5 -> "Intel Pentium";
                case 6 -> "Intel Pentium Pro";
                default -> "Intel family " + family;
            };
            return String.format("%s (family %d, model %d, stepping %d), local APIC version 0x%x",
                    name, family, signature >> 4 & 0xF, signature & 0xF, apicVersion);
        }
    }

    /** A bus entry (type 1). */
    record Bus(int id, String type) {
    }

    /** An I/O APIC entry (type 2). */
    record IoApic(int id, int version, boolean enabled, long address) {
    }
}
