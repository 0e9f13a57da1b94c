package sprocket.kernel.config;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Pseudo-random streams derived from the run's seed and a stream name, so every run with a seed repeats. */
public final class Randoms {
    private final long seed;

    public Randoms(long seed) {
        this.seed = seed;
    }

    public RandomGenerator stream(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
    }
}
