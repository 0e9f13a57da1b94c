package sprocket.kernel.engine;

/** nice(2) values to scheduling weights: Linux CFS's table, 1024 at nice 0, about 1.25x per step. */
public final class Weights {
    private static final int[] TABLE = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
    };

    private Weights() {
    }

    public static int of(int nice) {
        return TABLE[Math.max(-20, Math.min(19, nice)) + 20];
    }
}
