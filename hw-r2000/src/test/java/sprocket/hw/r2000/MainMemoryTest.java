package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MainMemoryTest {

    private final MainMemory memory = new MainMemory(1L << 20);

    /** Big-endian: the most significant byte sits at the lowest address. */
    @Test
    void stores_are_big_endian() {
        memory.store(0x2_0000, 4, 0x1122_3344L);
        byte[] bytes = new byte[4];
        memory.read(0x2_0000, bytes, 0, 4);
        assertThat(bytes).containsExactly(0x11, 0x22, 0x33, 0x44);
        assertThat(memory.load(0x2_0000, 1)).isEqualTo(0x11);
        assertThat(memory.load(0x2_0000, 2)).isEqualTo(0x1122);
        assertThat(memory.load(0x2_0002, 2)).isEqualTo(0x3344);

        memory.store(0x2_0010, 8, 0x0102_0304_0506_0708L);
        assertThat(memory.load(0x2_0010, 1)).isEqualTo(0x01);
        assertThat(memory.load(0x2_0014, 4)).isEqualTo(0x0506_0708L);
        assertThat(memory.load(0x2_0010, 8)).isEqualTo(0x0102_0304_0506_0708L);
    }

    @Test
    void loads_are_zero_extended_and_stores_keep_the_low_bytes() {
        memory.store(0x3_0000, 4, -1L);
        assertThat(memory.load(0x3_0000, 4)).isEqualTo(0xFFFF_FFFFL);
        assertThat(memory.load(0x3_0000, 2)).isEqualTo(0xFFFFL);
        assertThat(memory.load(0x3_0000, 1)).isEqualTo(0xFFL);
        memory.store(0x3_0010, 2, 0x12_3456L);
        assertThat(memory.load(0x3_0010, 2)).isEqualTo(0x3456L);
        assertThat(memory.load(0x3_0012, 1)).isZero();
    }

    @Test
    void size_is_rounded_down_to_whole_pages_and_the_kernel_frames_are_reserved() {
        MainMemory odd = new MainMemory((1L << 20) + 1000);
        assertThat(odd.size()).isEqualTo(1L << 20);
        assertThat(odd.frames()).isEqualTo(256);
        assertThat(odd.pageSize()).isEqualTo(4096);
        assertThat(odd.firstAllocatableFrame()).isEqualTo(16);
        assertThat(odd.endAllocatableFrame()).isEqualTo(256);
    }

    @Test
    void zero_frame_and_copy_frame_touch_exactly_one_page() {
        for (int i = 0; i < 4096; i += 4) {
            memory.store(20L * 4096 + i, 4, 0xDEAD_BEEFL);
        }
        memory.store(21L * 4096, 4, 0x1234L);
        memory.copyFrame(20, 22);
        assertThat(memory.load(22L * 4096 + 4092, 4)).isEqualTo(0xDEAD_BEEFL);
        memory.zeroFrame(20);
        assertThat(memory.load(20L * 4096, 4)).isZero();
        assertThat(memory.load(20L * 4096 + 4092, 4)).isZero();
        assertThat(memory.load(21L * 4096, 4)).isEqualTo(0x1234L);
        assertThat(memory.load(22L * 4096, 4)).isEqualTo(0xDEAD_BEEFL);
    }

    @Test
    void bulk_write_then_read_round_trips() {
        byte[] data = {1, 2, 3, 4, 5, 6, 7};
        memory.write(0x4_0FFD, data, 1, 5);
        byte[] back = new byte[7];
        memory.read(0x4_0FFD, back, 2, 5);
        assertThat(back).containsExactly(0, 0, 2, 3, 4, 5, 6);
    }

    @Test
    void accesses_outside_memory_and_bad_widths_are_refused() {
        assertThatThrownBy(() -> memory.load(1L << 20, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.load((1L << 20) - 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.store(-1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.load(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.zeroFrame(256)).isInstanceOf(IllegalArgumentException.class);
        assertThat(memory.load((1L << 20) - 4, 4)).isZero();
    }

    @Test
    void more_than_kseg0_can_reach_is_refused() {
        assertThatThrownBy(() -> new MainMemory(MainMemory.MAX_BYTES + 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kseg0");
    }
}
