package sprocket.api.hw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameStoreTest {

    private static final int FRAMES = 16;
    private static final int SHIFT = 12;

    @Test
    void memory_never_written_reads_as_zeros_and_holds_no_host_frame() {
        FrameStore store = new FrameStore(FRAMES, SHIFT, ByteOrder.BIG_ENDIAN);
        assertThat(store.load(5L << SHIFT, 8)).isZero();
        byte[] out = {1, 2, 3};
        store.read(100, out, 0, 3);
        assertThat(out).containsExactly(0, 0, 0);
        store.zero(3);
        store.copy(4, 5);
        assertThat(store.backedFrames()).as("reads, zeroing and copying zeros make no frame").isZero();
        store.store(7L << SHIFT, 1, 9);
        assertThat(store.backedFrames()).isEqualTo(1);
    }

    @Test
    void loads_and_stores_keep_the_byte_order_even_across_a_frame_boundary() {
        FrameStore big = new FrameStore(FRAMES, SHIFT, ByteOrder.BIG_ENDIAN);
        long edge = (2L << SHIFT) - 2;
        big.store(edge, 4, 0x1122_3344L);
        assertThat(big.load(edge, 1)).isEqualTo(0x11);
        assertThat(big.load(edge + 3, 1)).isEqualTo(0x44);
        assertThat(big.load(edge, 4)).isEqualTo(0x1122_3344L);
        FrameStore little = new FrameStore(FRAMES, SHIFT, ByteOrder.LITTLE_ENDIAN);
        little.store(edge, 8, 0x8877_6655_4433_2211L);
        assertThat(little.load(edge, 1)).isEqualTo(0x11);
        assertThat(little.load(edge + 2, 2)).isEqualTo(0x4433);
        assertThat(little.load(edge, 8)).isEqualTo(0x8877_6655_4433_2211L);
    }

    /** Every operation, seeded at random, against one flat array of the same bytes. */
    @Test
    void behaves_as_one_flat_array_of_the_same_size() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            SplittableRandom random = new SplittableRandom(42);
            FrameStore store = new FrameStore(FRAMES, SHIFT, order);
            ByteBuffer flat = ByteBuffer.allocate(FRAMES << SHIFT).order(order);
            int size = FRAMES << SHIFT;
            int[] widths = {1, 2, 4, 8};
            for (int step = 0; step < 20_000; step++) {
                int width = widths[random.nextInt(4)];
                int at = random.nextInt(size - 8);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        long v = random.nextLong();
                        store.store(at, width, v);
                        switch (width) {
                            case 1 -> flat.put(at, (byte) v);
                            case 2 -> flat.putShort(at, (short) v);
                            case 4 -> flat.putInt(at, (int) v);
                            default -> flat.putLong(at, v);
                        }
                    }
                    case 1 -> {
                        long expected = switch (width) {
                            case 1 -> flat.get(at) & 0xFFL;
                            case 2 -> flat.getShort(at) & 0xFFFFL;
                            case 4 -> flat.getInt(at) & 0xFFFF_FFFFL;
                            default -> flat.getLong(at);
                        };
                        assertThat(store.load(at, width)).as("step %d", step).isEqualTo(expected);
                    }
                    case 2 -> {
                        int len = random.nextInt(3 << SHIFT);
                        int from = random.nextInt(size - len);
                        byte[] src = new byte[len];
                        random.nextBytes(src);
                        store.write(from, src, 0, len);
                        flat.put(from, src);
                    }
                    case 3 -> {
                        int frame = random.nextInt(FRAMES);
                        store.zero(frame);
                        flat.put(frame << SHIFT, new byte[1 << SHIFT]);
                    }
                    case 4 -> {
                        int from = random.nextInt(FRAMES);
                        int to = random.nextInt(FRAMES);
                        store.copy(from, to);
                        byte[] page = new byte[1 << SHIFT];
                        flat.get(from << SHIFT, page);
                        flat.put(to << SHIFT, page);
                    }
                    default -> {
                        int len = random.nextInt(3 << SHIFT);
                        int from = random.nextInt(size - len);
                        byte[] got = new byte[len + 2];
                        store.read(from, got, 1, len);
                        byte[] expected = new byte[len + 2];
                        flat.get(from, expected, 1, len);
                        assertThat(got).as("step %d", step).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
