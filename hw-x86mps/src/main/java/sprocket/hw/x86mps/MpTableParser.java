package sprocket.hw.x86mps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.hw.PhysicalMemory;

/**
 * The kernel's side of MPS 1.4, after xv6's mp.c: find the MP floating pointer structure where the
 * specification allows it (the first KiB of the EBDA, else the last KiB of base memory; then the BIOS ROM
 * 0xF0000..0xFFFFF), on 16-byte boundaries, with a good checksum; then check the configuration table's
 * signature, revision and checksum, and walk its entries.
 */
final class MpTableParser {

    private static final Logger LOG = LoggerFactory.getLogger(MpTableParser.class);
    private static final long BIOS_ROM = 0xF_0000L;
    private static final int BIOS_ROM_LENGTH = 0x1_0000;

    private MpTableParser() {
    }

    /** The machine's MP configuration, or empty when there is none a kernel can use (it then runs on the BSP alone). */
    static Optional<MpConfiguration> parse(PhysicalMemory memory) {
        long pointer = findFloatingPointer(memory);
        if (pointer < 0) {
            LOG.warn("no MP floating pointer structure with a good checksum");
            return Optional.empty();
        }
        long table = memory.load(pointer + 4, 4);
        if (table == 0) {
            // Feature byte 1 names one of MPS chapter 5's default configurations; like xv6, this kernel needs a table.
            LOG.warn("MP floating pointer at 0x{} names no configuration table", Long.toHexString(pointer));
            return Optional.empty();
        }
        return parseTable(memory, table);
    }

    /** The floating pointer's physical address, or -1; the search order is MPS 1.4 section 4 and xv6's mpsearch. */
    static long findFloatingPointer(PhysicalMemory memory) {
        long ebda = memory.load(MpTableWriter.BDA_EBDA_SEGMENT, 2) << 4;
        if (ebda != 0) {
            long found = search(memory, ebda, 1024);
            if (found >= 0) {
                return found;
            }
        } else {
            long baseEnd = memory.load(MpTableWriter.BDA_BASE_MEMORY_KB, 2) * 1024;
            long found = search(memory, baseEnd - 1024, 1024);
            if (found >= 0) {
                return found;
            }
        }
        return search(memory, BIOS_ROM, BIOS_ROM_LENGTH);
    }

    private static long search(PhysicalMemory memory, long base, int length) {
        long size = size(memory);
        for (long at = base; at >= 0 && at + 16 <= base + length && at + 16 <= size; at += 16) {
            if (signature(memory, at, "_MP_")) {
                long paragraphs = memory.load(at + 8, 1);
                if (paragraphs > 0 && at + paragraphs * 16 <= size && sum(memory, at, paragraphs * 16) == 0) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static Optional<MpConfiguration> parseTable(PhysicalMemory memory, long at) {
        String where = "MP configuration table at 0x" + Long.toHexString(at);
        if (at + MpTableWriter.HEADER_LENGTH > size(memory) || !signature(memory, at, "PCMP")) {
            LOG.warn("{}: no PCMP signature", where);
            return Optional.empty();
        }
        int length = (int) memory.load(at + 4, 2);
        int revision = (int) memory.load(at + 6, 1);
        if (revision != 1 && revision != 4) {
            LOG.warn("{}: specification revision {} is neither 1.1 nor 1.4", where, revision);
            return Optional.empty();
        }
        if (length < MpTableWriter.HEADER_LENGTH || at + length > size(memory) || sum(memory, at, length) != 0) {
            LOG.warn("{}: bad length {} or checksum", where, length);
            return Optional.empty();
        }
        List<MpConfiguration.Processor> processors = new ArrayList<>();
        List<MpConfiguration.Bus> buses = new ArrayList<>();
        List<MpConfiguration.IoApic> ioApics = new ArrayList<>();
        int count = (int) memory.load(at + 34, 2);
        long entry = at + MpTableWriter.HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            int type = (int) memory.load(entry, 1);
            int entryLength = type == MpTableWriter.TYPE_PROCESSOR ? MpTableWriter.PROCESSOR_ENTRY_LENGTH
                    : type <= 4 ? MpTableWriter.SHORT_ENTRY_LENGTH : -1;
            if (entryLength < 0 || entry + entryLength > at + length) {
                LOG.warn("{}: entry {} (type {}) is unknown or runs past the table", where, i, type);
                return Optional.empty();
            }
            switch (type) {
                case MpTableWriter.TYPE_PROCESSOR -> processors.add(new MpConfiguration.Processor(
                        (int) memory.load(entry + 1, 1), (int) memory.load(entry + 2, 1),
                        (int) memory.load(entry + 3, 1), (int) memory.load(entry + 4, 4),
                        (int) memory.load(entry + 8, 4)));
                case MpTableWriter.TYPE_BUS -> buses.add(new MpConfiguration.Bus(
                        (int) memory.load(entry + 1, 1), ascii(memory, entry + 2, 6)));
                case MpTableWriter.TYPE_IO_APIC -> ioApics.add(new MpConfiguration.IoApic(
                        (int) memory.load(entry + 1, 1), (int) memory.load(entry + 2, 1),
                        (memory.load(entry + 3, 1) & 1) != 0, memory.load(entry + 4, 4)));
                default -> { } // types 3 and 4, interrupt assignments, route device interrupts: no devices here
            }
            entry += entryLength;
        }
        long bootstrap = processors.stream().filter(p -> p.enabled() && p.bootstrap()).count();
        if (bootstrap != 1) {
            LOG.warn("{}: {} enabled bootstrap processors, not one", where, bootstrap);
            return Optional.empty();
        }
        return Optional.of(new MpConfiguration(revision, ascii(memory, at + 8, 8), ascii(memory, at + 16, 12),
                memory.load(at + 36, 4), processors, buses, ioApics));
    }

    private static boolean signature(PhysicalMemory memory, long at, String expected) {
        for (int i = 0; i < 4; i++) {
            if (memory.load(at + i, 1) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The low byte of the sum of {@code length} bytes: zero for a structure with a good checksum. */
    private static int sum(PhysicalMemory memory, long at, long length) {
        int sum = 0;
        for (long i = 0; i < length; i++) {
            sum += (int) memory.load(at + i, 1);
        }
        return sum & 0xFF;
    }

    private static String ascii(PhysicalMemory memory, long at, int length) {
        byte[] bytes = new byte[length];
        memory.read(at, bytes, 0, length);
        return new String(bytes, StandardCharsets.US_ASCII).strip();
    }

    private static long size(PhysicalMemory memory) {
        return (long) memory.frames() * memory.pageSize();
    }
}
