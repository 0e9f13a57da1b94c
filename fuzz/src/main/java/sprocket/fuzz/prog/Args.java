package sprocket.fuzz.prog;

import java.util.List;
import java.util.SplittableRandom;
import sprocket.api.sys.Prctl;

/**
 * The arguments of one call, drawn from the call's own seed: mostly plausible (a descriptor, mapping or identifier
 * the process has, a sensible length), sometimes hostile (a bad descriptor, a huge or negative length, an unaligned
 * or unmapped address, a random flag word), as syzkaller mixes them.
 */
final class Args {
    /** Descriptors no process has: negative, past every limit. */
    private static final int[] BAD_FDS = {-1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 199, 200, 256, 1 << 16};
    private static final int[] BAD_INTS = {-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, -4096};
    private static final long[] BAD_LONGS = {-1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 1L << 40, -4096,
        Integer.MAX_VALUE + 1L};
    /** Addresses no mapping holds on either machine, or that user mode may not touch. */
    private static final long[] BAD_ADDRS = {0, 1, 3, 4095, -1, -4096, Long.MAX_VALUE, Long.MIN_VALUE, 0x7fff_fffcL,
        0x7fff_f000L, 0x8000_0000L, 0xbfff_f000L, 0xffff_f000L, 0xffff_ffffL, 1L << 32, 1L << 40, Prctl.PRDA,
        Prctl.PRDA + 4093, 0x40_0000L, 0x1000_0000L};
    /** Names the fuzzing processes share, so that they meet in the file system; and some that are not theirs. */
    private static final String[] PATHS = {"/tmp/f0", "/tmp/f1", "/tmp/f2", "/tmp/f3", "/tmp/d0", "/tmp/d1",
        "/tmp/d0/f", "/tmp/d1/d", "/tmp/p0", "/tmp/p1", "/tmp/s0", "/tmp/s1", "/tmp/l0", "/tmp/m0", "/tmp",
        "/", "/dev/null", "/dev/zero", "/dev/console", "/dev/tty", "/bin/true", "/bin/fuzz", "/bin", "/proc/self",
        "/proc/self/status", "/proc/1/status", "/proc/mounts", "/etc", "/tmp/d0/..", "/tmp/./f0", "/tmp/f0/x",
        "/nonexistent", "relative", ".", ".."};

    private final SplittableRandom r;
    private final Resources res;

    Args(long seed, Resources res) {
        this.r = new SplittableRandom(seed);
        this.res = res;
    }

    /** 0..99. */
    int pct() {
        return r.nextInt(100);
    }

    boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    /** 0 .. bound-1. */
    int below(int bound) {
        return r.nextInt(bound);
    }

    long nextLong() {
        return r.nextLong();
    }

    <T> T oneOf(List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    int oneOf(int... values) {
        return values[r.nextInt(values.length)];
    }

    long oneOf(long... values) {
        return values[r.nextInt(values.length)];
    }

    /** A descriptor: one the process has (of {@code kinds}, when it has one of them), or a small or bad number. */
    int fd(Resources.Kind... kinds) {
        int p = pct();
        if (p < 75) {
            List<Integer> have = kinds.length == 0 ? List.copyOf(res.fds.keySet()) : res.fds(kinds);
            if (have.isEmpty() && kinds.length > 0) have = List.copyOf(res.fds.keySet());
            if (!have.isEmpty()) return oneOf(have);
        }
        if (p < 88) return r.nextInt(24);
        return oneOf(BAD_FDS);
    }

    /** A count or length: mostly small, sometimes large, now and then hostile. */
    int len(int usual) {
        int p = pct();
        if (p < 80) return r.nextInt(usual + 1);
        if (p < 90) return r.nextInt(65_537);
        return oneOf(BAD_INTS);
    }

    /** A 64-bit length. */
    long llen(long usual) {
        int p = pct();
        if (p < 80) return r.nextLong(usual + 1);
        if (p < 90) return r.nextLong(1L << 24);
        return oneOf(BAD_LONGS);
    }

    /** A small positive number of bytes to map, usually a few pages. */
    long mapLength(int page) {
        int p = pct();
        if (p < 70) return (long) page * (1 + r.nextInt(8));
        if (p < 85) return 1 + r.nextInt(4 * page);
        if (p < 95) return (long) page * (1 + r.nextInt(256));
        return oneOf(BAD_LONGS);
    }

    /**
     * An address: inside a mapping the process has (aligned to {@code align}, room for {@code size} bytes), just past
     * one, the stack, or a hostile one.
     */
    long addr(int size, int align, long stackPointer) {
        return addr(size, align, stackPointer, 70);
    }

    /** {@link #addr(int, int, long)}, inside a mapping {@code inside} percent of the time when there is one. */
    long addr(int size, int align, long stackPointer, int inside) {
        int p = pct();
        if (p < inside && !res.maps.isEmpty()) {
            long[] m = oneOf(res.maps);
            long room = Math.max(1, m[1] - size);
            long a = m[0] + r.nextLong(room);
            return align > 1 ? a & -(long) align : a;
        }
        if (p < inside + 8 && !res.maps.isEmpty()) {
            long[] m = oneOf(res.maps);
            return m[0] + m[1] - (chance(50) ? 0 : 1);
        }
        // A process with no mapping of its own (a new image) has its stack: most of its addresses are there.
        int stack = res.maps.isEmpty() ? Math.min(96, inside + 8) : Math.min(96, inside + 16);
        if (p < stack && stackPointer > 0) return (stackPointer - 8 - r.nextInt(16_384)) & -(long) Math.max(1, align);
        return oneOf(BAD_ADDRS) + (chance(20) ? r.nextInt(8) : 0);
    }

    /** A page-aligned address inside one of the mappings, for munmap, mprotect, msync, shmdt. */
    long mappedPage(int page) {
        if (!res.maps.isEmpty() && chance(85)) {
            long[] m = oneOf(res.maps);
            long pages = Math.max(1, m[1] / page);
            return m[0] + (long) page * r.nextLong(pages);
        }
        return oneOf(BAD_ADDRS);
    }

    /** A program buffer, or null now and then. */
    byte[] buffer(int usual) {
        if (chance(4)) return null;
        int n = pct() < 90 ? r.nextInt(usual + 1) : r.nextInt(65_537);
        byte[] b = new byte[n];
        if (n > 0 && chance(50)) r.nextBytes(b);
        return b;
    }

    /** An offset into {@code buf}: 0 or inside it, now and then outside it. */
    int offset(byte[] buf) {
        int n = buf == null ? 0 : buf.length;
        int p = pct();
        if (p < 70) return 0;
        if (p < 92) return n == 0 ? 0 : r.nextInt(n + 1);
        return oneOf(-1, n + 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A length for {@code buf} from {@code off}: what fits, more, or a hostile one. */
    int length(byte[] buf, int off) {
        int n = buf == null ? 0 : buf.length;
        int fits = Math.max(0, n - Math.max(0, Math.min(off, n)));
        int p = pct();
        if (p < 75) return fits;
        if (p < 88) return fits == 0 ? 0 : r.nextInt(fits + 1);
        return oneOf(-1, fits + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, n * 2 + 1);
    }

    /** A path: one the fuzzing processes share, a system one, or a hostile one. */
    String path() {
        int p = pct();
        if (p < 92) return PATHS[r.nextInt(PATHS.length)];
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "/tmp/" + "x".repeat(300);
            case 3 -> "/" + "a/".repeat(700);
            case 4 -> "/tmp/f0\0/x";
            default -> "/tmp/d0/" + "../".repeat(r.nextInt(40)) + "tmp/f1";
        };
    }

    /** A path made by the processes themselves, to create. */
    String newPath() {
        return PATHS[r.nextInt(14)];
    }

    /** Flags: some of {@code known} ORed, or a random word now and then. */
    int flags(int... known) {
        if (chance(8)) return r.nextInt();
        int f = 0;
        for (int k : known) {
            if (chance(30)) f |= k;
        }
        return f;
    }

    /** A signal number: usually a real one, sometimes 0 or not a signal. */
    int signal() {
        int p = pct();
        if (p < 88) return 1 + r.nextInt(31);
        if (p < 94) return 0;
        return oneOf(-1, 32, 64, 65, 1000, Integer.MIN_VALUE);
    }

    /** A pid: its own, a child's, its parent's, a group, or a stranger's. */
    int pid(int self, int parent) {
        int p = pct();
        if (p < 35 && !res.children.isEmpty()) return oneOf(res.children);
        if (p < 50) return self;
        if (p < 58) return parent;
        if (p < 64) return 0;
        if (p < 70 && !res.children.isEmpty()) return -oneOf(res.children);
        if (p < 72) return -1;
        if (p < 74) return 1;
        if (p < 94) return 2 + r.nextInt(400);
        return oneOf(Integer.MIN_VALUE, Integer.MAX_VALUE, -self, 30_000, 999_999);
    }

    /** An IPC identifier: one the process knows, or a guess. */
    int ipcId(List<Integer> known) {
        int p = pct();
        if (p < 75 && !known.isEmpty()) return oneOf(known);
        if (p < 90) return r.nextInt(200);
        return oneOf(-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 65_536);
    }

    /** An IPC key: private, one of a few shared ones (so processes meet), or random. */
    long ipcKey() {
        int p = pct();
        if (p < 40) return 0;
        if (p < 90) return 1 + r.nextInt(6);
        return r.nextLong();
    }

    /** A mode word. */
    int mode() {
        return chance(80) ? oneOf(0600, 0644, 0666, 0700, 0755, 0777, 0400, 0200, 0, 01777, 04755, 02755)
                : r.nextInt();
    }

    /** A uid or gid: root, a fuzzing user, or a stranger. */
    int id() {
        return oneOf(0, 100, 101, 102, 1, 65_534, -1, 60_000, Integer.MAX_VALUE);
    }
}
