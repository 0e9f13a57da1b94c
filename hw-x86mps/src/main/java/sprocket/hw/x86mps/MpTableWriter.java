package sprocket.hw.x86mps;

import java.nio.charset.StandardCharsets;
import sprocket.api.hw.PhysicalMemory;

/**
 * The BIOS's part of the MultiProcessor Specification 1.4 (chapter 4): at power-on it writes the MP floating
 * pointer structure and the MP configuration table it points to, and the two BIOS data area words (EBDA
 * segment, base memory size) that tell a kernel where to search. The kernel's reading is {@link MpTableParser}.
 */
final class MpTableWriter {

    /** BIOS data area word: the EBDA's real-mode segment. */
    static final int BDA_EBDA_SEGMENT = 0x40E;
    /** BIOS data area word: base memory in KiB. */
    static final int BDA_BASE_MEMORY_KB = 0x413;
    /** 639 KiB of base memory: the EBDA takes the last KiB below 640 KiB. */
    static final int BASE_MEMORY_KB = 639;
    static final int EBDA_SEGMENT = 0x9FC0;

    /** Where this BIOS puts the floating pointer: a 16-byte boundary in the BIOS ROM, 0xF0000..0xFFFFF. */
    static final long FLOATING_POINTER = 0xF_5B00L;
    /** The configuration table follows it in the ROM. */
    static final long CONFIG_TABLE = FLOATING_POINTER + 16;

    static final long LOCAL_APIC_ADDRESS = 0xFEE0_0000L;
    static final long IO_APIC_ADDRESS = 0xFEC0_0000L;
    /** MPS revision 1.4. */
    static final int SPEC_REV = 4;
    /** The integrated local APIC of the Pentium P54C reports version 1xh. */
    static final int APIC_VERSION = 0x11;
    /** CPUID signature: family 5 (Pentium), model 2 (P54C), stepping 12. */
    static final int CPU_SIGNATURE = 0x52C;
    /** CPUID.1:EDX feature flags: FPU VME DE PSE TSC MSR MCE CX8 APIC. */
    static final int CPU_FEATURES = 0x3BF;
    static final String OEM_ID = "SPROCKET";
    static final String PRODUCT_ID = "PENTIUM MPS";

    static final int HEADER_LENGTH = 44;
    static final int PROCESSOR_ENTRY_LENGTH = 20;
    static final int SHORT_ENTRY_LENGTH = 8;
    static final int TYPE_PROCESSOR = 0;
    static final int TYPE_BUS = 1;
    static final int TYPE_IO_APIC = 2;
    static final int CPU_ENABLED = 1;
    static final int CPU_BOOTSTRAP = 2;

    private MpTableWriter() {
    }

    /** Writes the BIOS data area words, the floating pointer and the table for processors with {@code apicIds}, the first the BSP. */
    static void write(PhysicalMemory memory, int[] apicIds) {
        memory.store(BDA_EBDA_SEGMENT, 2, EBDA_SEGMENT);
        memory.store(BDA_BASE_MEMORY_KB, 2, BASE_MEMORY_KB);
        writeConfigTable(memory, CONFIG_TABLE, apicIds);
        writeFloatingPointer(memory, FLOATING_POINTER, CONFIG_TABLE);
    }

    /** The 16-byte MP floating pointer structure at {@code at} (MPS 4.1, table 4-1). */
    static void writeFloatingPointer(PhysicalMemory memory, long at, long table) {
        ascii(memory, at, "_MP_", 4);
        memory.store(at + 4, 4, table);       // physical address pointer
        memory.store(at + 8, 1, 1);           // length, in 16-byte paragraphs
        memory.store(at + 9, 1, SPEC_REV);
        memory.store(at + 10, 1, 0);          // checksum, filled below
        memory.store(at + 11, 1, 0);          // feature 1: 0 = a configuration table is present
        memory.store(at + 12, 4, 0);          // feature 2 (IMCRP clear: virtual wire mode) and 3..5, reserved
        memory.store(at + 10, 1, checksum(memory, at, 16));
    }

    /**
     * The MP configuration table at {@code at} (MPS 4.2): header, one processor entry per CPU (the first the
     * BSP), an ISA bus and an I/O APIC, in the ascending entry-type order the specification requires.
     * Returns its length.
     */
    static int writeConfigTable(PhysicalMemory memory, long at, int[] apicIds) {
        long entry = at + HEADER_LENGTH;
        for (int i = 0; i < apicIds.length; i++) {
            memory.store(entry, 1, TYPE_PROCESSOR);
            memory.store(entry + 1, 1, apicIds[i]);
            memory.store(entry + 2, 1, APIC_VERSION);
            memory.store(entry + 3, 1, CPU_ENABLED | (i == 0 ? CPU_BOOTSTRAP : 0));
            memory.store(entry + 4, 4, CPU_SIGNATURE);
            memory.store(entry + 8, 4, CPU_FEATURES);
            memory.store(entry + 12, 8, 0);   // reserved
            entry += PROCESSOR_ENTRY_LENGTH;
        }
        memory.store(entry, 1, TYPE_BUS);
        memory.store(entry + 1, 1, 0);        // bus ID
        ascii(memory, entry + 2, "ISA", 6);
        entry += SHORT_ENTRY_LENGTH;
        // The I/O APIC takes the first APIC bus ID after the processors'.
        memory.store(entry, 1, TYPE_IO_APIC);
        memory.store(entry + 1, 1, apicIds.length);
        memory.store(entry + 2, 1, APIC_VERSION);
        memory.store(entry + 3, 1, 1);        // flags: EN
        memory.store(entry + 4, 4, IO_APIC_ADDRESS);
        entry += SHORT_ENTRY_LENGTH;

        int length = (int) (entry - at);
        ascii(memory, at, "PCMP", 4);
        memory.store(at + 4, 2, length);      // base table length
        memory.store(at + 6, 1, SPEC_REV);
        memory.store(at + 7, 1, 0);           // checksum, filled below
        ascii(memory, at + 8, OEM_ID, 8);
        ascii(memory, at + 16, PRODUCT_ID, 12);
        memory.store(at + 28, 4, 0);          // OEM table pointer: none
        memory.store(at + 32, 2, 0);          // OEM table size
        memory.store(at + 34, 2, apicIds.length + 2);
        memory.store(at + 36, 4, LOCAL_APIC_ADDRESS);
        memory.store(at + 40, 2, 0);          // extended table length: none
        memory.store(at + 42, 1, 0);          // extended table checksum
        memory.store(at + 43, 1, 0);          // reserved
        memory.store(at + 7, 1, checksum(memory, at, length));
        return length;
    }

    /** The byte that makes {@code length} bytes at {@code at} sum to zero, given its own place holds zero. */
    private static int checksum(PhysicalMemory memory, long at, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (int) memory.load(at + i, 1);
        }
        return -sum & 0xFF;
    }

    /** {@code text} in ASCII, padded with spaces to {@code width} bytes, as the specification's string fields are. */
    private static void ascii(PhysicalMemory memory, long at, String text, int width) {
        byte[] field = String.format("%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII);
        memory.write(at, field, 0, width);
    }
}
