package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sprocket.api.hw.PhysicalMemory;

class RamTest {

    private final PhysicalMemory memory = new X86MpsMachine(1, 2L << 20).memory();

    @Test
    void loads_and_stores_are_little_endian() {
        // IA-32: "bytes of a word are numbered starting from the least significant byte".
        memory.store(0x20_0000 - 0x1000, 4, 0x1122_3344L);
        long at = 0x20_0000 - 0x1000;
        assertThat(memory.load(at, 1)).isEqualTo(0x44);
        assertThat(memory.load(at + 3, 1)).isEqualTo(0x11);
        assertThat(memory.load(at, 2)).isEqualTo(0x3344);
        memory.store(at, 8, 0x8877_6655_4433_2211L);
        byte[] bytes = new byte[8];
        memory.read(at, bytes, 0, 8);
        assertThat(bytes).containsExactly(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88);
        assertThat(memory.load(at + 4, 4)).isEqualTo(0x8877_6655L);
        assertThat(memory.load(at, 8)).isEqualTo(0x8877_6655_4433_2211L);
    }

    @Test
    void loads_are_zero_extended() {
        memory.store(0x10_0000, 4, 0xFFFF_FFFFL);
        assertThat(memory.load(0x10_0000, 4)).isEqualTo(0xFFFF_FFFFL);
        assertThat(memory.load(0x10_0000, 2)).isEqualTo(0xFFFF);
    }

    @Test
    void memory_is_rounded_down_to_pages_with_the_firmware_below_and_the_pool_above() {
        PhysicalMemory odd = new X86MpsMachine(1, (4L << 20) + 100).memory();
        assertThat(odd.frames()).isEqualTo(1024);
        assertThat(odd.pageSize()).isEqualTo(4096);
        assertThat(odd.firstAllocatableFrame()).isEqualTo(256);
        assertThat(odd.endAllocatableFrame()).isEqualTo(1024 - 48);
        assertThat(new X86MpsMachine(1, 64L << 20).memory().endAllocatableFrame()).isEqualTo(16384 - 512);
    }

    @Test
    void frames_copy_and_zero() {
        memory.store(300L << 12, 8, -1L);
        memory.copyFrame(300, 301);
        assertThat(memory.load(301L << 12, 8)).isEqualTo(-1L);
        memory.zeroFrame(301);
        assertThat(memory.load(301L << 12, 8)).isZero();
        assertThat(memory.load(300L << 12, 8)).isEqualTo(-1L);
    }

    @Test
    void accesses_outside_ram_or_of_odd_widths_are_refused() {
        assertThatThrownBy(() -> memory.load(2L << 20, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.load((2L << 20) - 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.load(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.store(0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.zeroFrame(512)).isInstanceOf(IllegalArgumentException.class);
    }
}
