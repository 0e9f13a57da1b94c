package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.PhysicalMemory;

class MpTableTest {

    private static PhysicalMemory memory(int cpus) {
        return new X86MpsMachine(cpus, 4L << 20).memory();
    }

    private static int byteSum(PhysicalMemory memory, long at, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (int) memory.load(at + i, 1);
        }
        return sum & 0xFF;
    }

    @Test
    void the_floating_pointer_is_found_on_a_16_byte_boundary_of_the_bios_rom() {
        // MPS 1.4 section 4: "in the BIOS ROM address space between 0F0000h and 0FFFFFh".
        PhysicalMemory memory = memory(2);
        long pointer = MpTableParser.findFloatingPointer(memory);
        assertThat(pointer).isBetween(0xF_0000L, 0xF_FFF0L);
        assertThat(pointer % 16).isZero();
        assertThat(memory.load(pointer, 4)).isEqualTo(0x5F504D5FL); // "_MP_" read little-endian
        assertThat(memory.load(pointer + 9, 1)).isEqualTo(4);        // specification revision 1.4
        assertThat(memory.load(memory.load(pointer + 4, 4), 4)).isEqualTo(0x504D4350L); // "PCMP"
    }

    @Test
    void both_structures_checksum_to_zero() {
        // MPS 4.1: "all bytes specified by the length field, including CHECKSUM and reserved bytes, must add up to zero".
        PhysicalMemory memory = memory(3);
        long pointer = MpTableParser.findFloatingPointer(memory);
        long table = memory.load(pointer + 4, 4);
        assertThat(byteSum(memory, pointer, 16)).isZero();
        assertThat(byteSum(memory, table, (int) memory.load(table + 4, 2))).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 15})
    void the_table_lists_exactly_hw_cpus_processors_with_cpu_0_as_the_bootstrap_processor(int cpus) {
        X86MpsMachine machine = new X86MpsMachine(cpus, 4L << 20);
        List<CpuInfo> found = machine.probeCpus();
        assertThat(found).hasSize(cpus);
        assertThat(found.get(0).bootstrap()).isTrue();
        assertThat(found.get(0).hardwareId()).isZero();
        assertThat(found.subList(1, cpus)).noneMatch(CpuInfo::bootstrap);
        for (int i = 0; i < cpus; i++) {
            assertThat(found.get(i).id()).isEqualTo(i);
            assertThat(found.get(i).hardwareId()).isEqualTo(i);
            assertThat(found.get(i).model()).startsWith("Intel Pentium (family 5, model 2, stepping 12)");
        }
    }

    @Test
    void the_table_names_the_apics_the_bus_and_the_oem() {
        MpConfiguration config = MpTableParser.parse(memory(2)).orElseThrow();
        assertThat(config.specRevision()).isEqualTo(4);
        assertThat(config.oemId()).isEqualTo("SPROCKET");
        assertThat(config.productId()).isEqualTo("PENTIUM MPS");
        assertThat(config.localApicAddress()).isEqualTo(0xFEE0_0000L);
        assertThat(config.processors()).extracting(MpConfiguration.Processor::features).containsOnly(0x3BF);
        assertThat(config.buses()).containsExactly(new MpConfiguration.Bus(0, "ISA"));
        assertThat(config.ioApics()).containsExactly(new MpConfiguration.IoApic(2, 0x11, true, 0xFEC0_0000L));
    }

    @Test
    void a_floating_pointer_with_a_bad_checksum_is_rejected_and_the_kernel_runs_on_the_bsp_alone() {
        X86MpsMachine machine = new X86MpsMachine(4, 4L << 20);
        PhysicalMemory memory = machine.memory();
        long pointer = MpTableWriter.FLOATING_POINTER;
        memory.store(pointer + 10, 1, memory.load(pointer + 10, 1) + 1);
        assertThat(MpTableParser.findFloatingPointer(memory)).isEqualTo(-1);
        assertThat(MpTableParser.parse(memory)).isEmpty();
        assertThat(machine.probeCpus()).singleElement().satisfies(cpu -> assertThat(cpu.bootstrap()).isTrue());
    }

    @Test
    void a_configuration_table_with_a_bad_checksum_is_rejected() {
        PhysicalMemory memory = memory(4);
        long secondProcessorApicId = MpTableWriter.CONFIG_TABLE + MpTableWriter.HEADER_LENGTH + 20 + 1;
        memory.store(secondProcessorApicId, 1, 9);
        assertThat(MpTableParser.findFloatingPointer(memory)).isEqualTo(MpTableWriter.FLOATING_POINTER);
        assertThat(MpTableParser.parse(memory)).isEmpty();
    }

    @Test
    void a_table_whose_checksum_is_fixed_after_an_edit_is_read_as_edited() {
        // The checksum is what rejects the table above, not the edit itself.
        PhysicalMemory memory = memory(4);
        long table = MpTableWriter.CONFIG_TABLE;
        memory.store(table + MpTableWriter.HEADER_LENGTH + 20 + 1, 1, 9);
        memory.store(table + 7, 1, memory.load(table + 7, 1) - 8);
        assertThat(MpTableParser.parse(memory).orElseThrow().processors())
                .extracting(MpConfiguration.Processor::apicId).containsExactly(0, 9, 2, 3);
    }

    @Test
    void the_ebda_is_searched_before_the_bios_rom() {
        PhysicalMemory memory = memory(4);
        long ebda = (long) MpTableWriter.EBDA_SEGMENT << 4;
        MpTableWriter.writeConfigTable(memory, ebda + 0x100, new int[] {5, 6});
        MpTableWriter.writeFloatingPointer(memory, ebda + 0x40, ebda + 0x100);
        assertThat(MpTableParser.findFloatingPointer(memory)).isEqualTo(ebda + 0x40);
        assertThat(MpTableParser.parse(memory).orElseThrow().processors())
                .extracting(MpConfiguration.Processor::apicId).containsExactly(5, 6);
    }

    @Test
    void without_an_ebda_the_last_kilobyte_of_base_memory_is_searched() {
        PhysicalMemory memory = memory(4);
        memory.store(MpTableWriter.BDA_EBDA_SEGMENT, 2, 0);
        long lastKb = (MpTableWriter.BASE_MEMORY_KB - 1) * 1024L;
        MpTableWriter.writeConfigTable(memory, 0x8000, new int[] {1, 0, 2});
        MpTableWriter.writeFloatingPointer(memory, lastKb + 0x3F0, 0x8000);
        assertThat(MpTableParser.findFloatingPointer(memory)).isEqualTo(lastKb + 0x3F0);
    }

    @Test
    void a_pointer_off_a_16_byte_boundary_is_not_found() {
        PhysicalMemory memory = memory(2);
        memory.write(MpTableWriter.FLOATING_POINTER, new byte[16], 0, 16);
        MpTableWriter.writeFloatingPointer(memory, 0xF_0008L, MpTableWriter.CONFIG_TABLE);
        assertThat(MpTableParser.findFloatingPointer(memory)).isEqualTo(-1);
    }

    @Test
    void an_unknown_entry_type_is_rejected() {
        PhysicalMemory memory = memory(2);
        long table = MpTableWriter.CONFIG_TABLE;
        long busEntry = table + MpTableWriter.HEADER_LENGTH + 2 * 20;
        memory.store(busEntry, 1, 7);
        memory.store(table + 7, 1, memory.load(table + 7, 1) - 6);
        assertThat(MpTableParser.parse(memory)).isEmpty();
    }

    @Test
    void a_table_without_exactly_one_bootstrap_processor_is_rejected() {
        PhysicalMemory memory = memory(2);
        long table = MpTableWriter.CONFIG_TABLE;
        long apFlags = table + MpTableWriter.HEADER_LENGTH + 20 + 3;
        memory.store(apFlags, 1, 3); // EN | BP on the second processor too
        memory.store(table + 7, 1, memory.load(table + 7, 1) - 2);
        assertThat(MpTableParser.parse(memory)).isEmpty();
    }

    @Test
    void a_disabled_processor_is_not_reported() {
        // MPS table 4-5, EN: "If zero, this processor is unusable".
        X86MpsMachine machine = new X86MpsMachine(3, 4L << 20);
        PhysicalMemory memory = machine.memory();
        long table = MpTableWriter.CONFIG_TABLE;
        memory.store(table + MpTableWriter.HEADER_LENGTH + 20 + 3, 1, 0);
        memory.store(table + 7, 1, memory.load(table + 7, 1) + 1);
        assertThat(machine.probeCpus()).extracting(CpuInfo::hardwareId).containsExactly(0, 2);
        assertThat(machine.probeCpus()).extracting(CpuInfo::id).containsExactly(0, 1);
    }
}
