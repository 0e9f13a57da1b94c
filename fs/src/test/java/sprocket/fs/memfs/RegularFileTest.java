package sprocket.fs.memfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.fs.Errnos.errno;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.sys.FileMode;
import sprocket.fs.FakeKernel;

/**
 * memfs regular files: bytes in pages taken from the file system's size only when written, so holes cost nothing;
 * ENOSPC once the size is used up, EFBIG past the largest file, and pages given back by truncation and by the last
 * reference to an unlinked file.
 */
class RegularFileTest {

    private static final int PAGE = RegularFile.PAGE;

    private final FakeKernel kernel = new FakeKernel();

    private MemFs mount(long size) {
        kernel.settings.put("fs.memfs.size", Long.toString(size));
        return (MemFs) new MemFsProvider().mount(kernel.context());
    }

    private static Inode file(MemFs fs, String name) {
        return fs.root().create(name, FileMode.S_IFREG | 0644, 0, 0, 0);
    }

    @Test
    void the_size_is_the_tunable_or_half_of_physical_memory_as_tmpfs_takes_it() {
        kernel.settings.put("hw.memory", Long.toString(64L << 20));
        assertThat(MemFsProvider.capacity(kernel.settings())).isEqualTo(32L << 20);
        kernel.settings.put("fs.memfs.size", Long.toString(1L << 20));
        assertThat(MemFsProvider.capacity(kernel.settings())).isEqualTo(1L << 20);
    }

    @Test
    void a_write_at_two_gigabytes_fails_with_EFBIG_and_takes_nothing() {
        // Issue 16: one write at a 2 GiB offset used to allocate 2 GiB of the host's heap. write(2): "EFBIG An attempt
        // was made to write a file that exceeds the process's file size limit or the maximum file size".
        MemFs fs = mount(16L << 20);
        Inode f = file(fs, "big");
        assertThat(errno(() -> f.write(2L << 30, new byte[1], 0, 1))).isEqualTo(Errno.EFBIG);
        assertThat(errno(() -> f.write(RegularFile.MAX_SIZE, new byte[1], 0, 1))).isEqualTo(Errno.EFBIG);
        assertThat(fs.pagesInUse()).isZero();
        assertThat(f.size()).isZero();
        // A write that starts below the largest file writes up to it.
        assertThat(f.write(RegularFile.MAX_SIZE - 3, new byte[10], 0, 10)).isEqualTo(3);
        assertThat(f.size()).isEqualTo(RegularFile.MAX_SIZE);
        assertThat(fs.pagesInUse()).isEqualTo(1);
    }

    @Test
    void a_file_with_a_hole_holds_only_the_pages_written_and_the_hole_reads_as_zeros() {
        MemFs fs = mount(16L << 20);
        Inode f = file(fs, "sparse");
        assertThat(f.write(1L << 30, "end".getBytes(), 0, 3)).isEqualTo(3);
        assertThat(f.size()).isEqualTo((1L << 30) + 3);
        assertThat(fs.pagesInUse()).isEqualTo(1);
        // stat(2): "st_blocks The number of 512-byte blocks allocated": one page's, not a gigabyte's.
        assertThat(f.getattr(1).blocks()).isEqualTo(PAGE / 512);
        assertThat(f.getattr(1).size()).isEqualTo((1L << 30) + 3);
        byte[] b = new byte[8];
        Arrays.fill(b, (byte) 7);
        assertThat(f.read(12345, b, 0, 8)).isEqualTo(8);
        assertThat(b).containsOnly(0);
        assertThat(f.read((1L << 30) - 2, b, 0, 8)).isEqualTo(5);
        assertThat(new String(b, 2, 3)).isEqualTo("end");
    }

    @Test
    void a_full_file_system_writes_what_fits_then_fails_with_ENOSPC_and_truncation_gives_room_back() {
        MemFs fs = mount(4 * PAGE);
        Inode f = file(fs, "a");
        Inode g = file(fs, "b");
        assertThat(f.write(0, new byte[3 * PAGE], 0, 3 * PAGE)).isEqualTo(3 * PAGE);
        // write(2): a write that finds room for part of its bytes returns that part...
        assertThat(g.write(0, new byte[2 * PAGE], 0, 2 * PAGE)).isEqualTo(PAGE);
        // ..."ENOSPC During a write to an ordinary file, there is no free space left on the device."
        assertThat(errno(() -> g.write(PAGE, new byte[1], 0, 1))).isEqualTo(Errno.ENOSPC);
        assertThat(g.size()).isEqualTo(PAGE);
        // Rewriting bytes already held needs no page.
        assertThat(f.write(10, new byte[100], 0, 100)).isEqualTo(100);
        f.truncate(PAGE + 1);
        assertThat(fs.pagesInUse()).isEqualTo(3);
        assertThat(g.write(PAGE, new byte[1], 0, 1)).isEqualTo(1);
    }

    @Test
    void truncation_zeroes_the_tail_so_growing_again_shows_zeros() {
        MemFs fs = mount(1 << 20);
        Inode f = file(fs, "t");
        f.write(0, "abcdefgh".getBytes(), 0, 8);
        f.truncate(3);
        f.write(6, "Z".getBytes(), 0, 1);
        byte[] b = new byte[7];
        assertThat(f.read(0, b, 0, 7)).isEqualTo(7);
        assertThat(b).isEqualTo(new byte[] {'a', 'b', 'c', 0, 0, 0, 'Z'});
    }

    @Test
    void an_inactive_file_gives_its_pages_back() {
        MemFs fs = mount(1 << 20);
        Inode f = file(fs, "gone");
        f.write(0, new byte[3 * PAGE + 1], 0, 3 * PAGE + 1);
        fs.root().remove("gone");
        assertThat(fs.pagesInUse()).as("kept until the kernel lets go").isEqualTo(4);
        f.inactive();
        assertThat(fs.pagesInUse()).isZero();
        assertThat(f.size()).isZero();
    }

    @Test
    void a_mapped_page_reads_zeros_past_the_end_and_writes_back_only_before_it() {
        MemFs fs = mount(1 << 20);
        Inode f = file(fs, "m");
        f.write(0, "hello".getBytes(), 0, 5);
        byte[] page = new byte[PAGE];
        Arrays.fill(page, (byte) 1);
        assertThat(f.readPage(0, page)).isEqualTo(5);
        assertThat(Arrays.copyOfRange(page, 5, PAGE)).containsOnly(0);
        page[0] = 'j';
        assertThat(f.writePage(0, page, PAGE)).isEqualTo(5);
        assertThat(f.size()).isEqualTo(5);
        assertThat(f.writePage(PAGE, page, PAGE)).isZero();
    }

    /** Random writes at offsets up to 64 MiB and reads, checked against a model of pages and the bytes written. */
    @Test
    void random_sparse_writes_and_reads_match_a_model_and_hold_exactly_the_pages_touched() {
        for (long seed = 1; seed <= 25; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            MemFs fs = mount(24L * PAGE);
            Inode f = file(fs, "r");
            TreeMap<Long, Byte> model = new TreeMap<>();
            long size = 0;
            for (int step = 0; step < 200; step++) {
                long at = rnd.nextBoolean() ? rnd.nextLong(64L << 20) : rnd.nextLong(4 * PAGE);
                if (rnd.nextInt(3) > 0) {
                    byte[] b = new byte[rnd.nextInt(1, 2 * PAGE)];
                    rnd.nextBytes(b);
                    long pagesBefore = fs.pagesInUse();
                    long fresh = freshPages(model, at, b.length);
                    int n;
                    try {
                        n = f.write(at, b, 0, b.length);
                    } catch (ErrnoException e) {
                        assertThat(e.errno()).as("seed %d step %d", seed, step).isEqualTo(Errno.ENOSPC);
                        assertThat(pagesBefore + fresh).isGreaterThan(24);
                        continue;
                    }
                    for (int i = 0; i < n; i++) model.put(at + i, b[i]);
                    size = Math.max(size, at + n);
                    if (n == b.length) assertThat(fs.pagesInUse()).isEqualTo(pagesBefore + fresh);
                } else {
                    byte[] b = new byte[rnd.nextInt(1, 3 * PAGE)];
                    int n = f.read(at, b, 0, b.length);
                    assertThat(n).as("seed %d step %d", seed, step).isEqualTo((int) Math.max(0, Math.min(b.length, size - at)));
                    for (int i = 0; i < n; i++) {
                        assertThat(b[i]).as("seed %d step %d byte %d", seed, step, at + i)
                                .isEqualTo(model.getOrDefault(at + i, (byte) 0));
                    }
                }
                assertThat(f.size()).isEqualTo(size);
                assertThat(fs.pagesInUse()).isEqualTo(model.keySet().stream().map(o -> o / PAGE).distinct().count());
            }
        }
    }

    /** Pages the range touches that hold no byte yet. */
    private static long freshPages(TreeMap<Long, Byte> model, long at, int len) {
        long fresh = 0;
        for (long p = at / PAGE; p <= (at + len - 1) / PAGE; p++) {
            Long k = model.ceilingKey(p * PAGE);
            if (k == null || k >= (p + 1) * PAGE) fresh++;
        }
        return fresh;
    }
}
