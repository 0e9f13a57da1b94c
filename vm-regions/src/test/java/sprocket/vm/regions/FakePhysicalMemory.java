package sprocket.vm.regions;

import sprocket.api.hw.PhysicalMemory;

/** Byte-array physical memory, big-endian like the R2000; counts the frames it was asked to zero and copy. */
final class FakePhysicalMemory implements PhysicalMemory {
    private final int pageSize;
    private final int frames;
    private final int first;
    private final int end;
    private final byte[] bytes;
    int zeroed;
    int copied;

    FakePhysicalMemory(int pageSize, int frames, int first, int end) {
        this.pageSize = pageSize;
        this.frames = frames;
        this.first = first;
        this.end = end;
        this.bytes = new byte[pageSize * frames];
        // Garbage, so a frame handed out without zeroing shows.
        java.util.Arrays.fill(bytes, (byte) 0xA5);
    }

    @Override public int pageSize() { return pageSize; }
    @Override public int frames() { return frames; }
    @Override public int firstAllocatableFrame() { return first; }
    @Override public int endAllocatableFrame() { return end; }

    @Override
    public long load(long paddr, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (bytes[(int) paddr + i] & 0xFF);
        }
        return v;
    }

    @Override
    public void store(long paddr, int width, long value) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[(int) paddr + i] = (byte) value;
            value >>>= 8;
        }
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        System.arraycopy(bytes, (int) paddr, dst, off, len);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, (int) paddr, len);
    }

    @Override
    public void zeroFrame(int frame) {
        java.util.Arrays.fill(bytes, frame * pageSize, (frame + 1) * pageSize, (byte) 0);
        zeroed++;
    }

    @Override
    public void copyFrame(int from, int to) {
        System.arraycopy(bytes, from * pageSize, bytes, to * pageSize, pageSize);
        copied++;
    }
}
