package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/** Reads the benchmark programs' numeric arguments. */
final class Args {
    private Args() {
    }

    /** argv[1] as a non-negative count, or -1 after printing the usage line to standard error. */
    static long count(Sys sys, String[] argv) {
        long[] n = counts(sys, argv, "N");
        return n == null ? -1 : n[0];
    }

    /**
     * argv[1..] as non-negative numbers, one per name in {@code names}; null after printing the usage line to
     * standard error when there are too few or too many, or one is not a number or is negative.
     */
    static long[] counts(Sys sys, String[] argv, String... names) {
        long[] n = new long[names.length];
        boolean ok = argv.length == names.length + 1;
        for (int i = 0; ok && i < names.length; i++) {
            try {
                n[i] = Long.parseLong(argv[i + 1]);
                ok = n[i] >= 0;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (ok) return n;
        StringBuilder usage = new StringBuilder("usage: ").append(argv[0]);
        for (String name : names) usage.append(' ').append(name);
        Stdio.fputs(sys, STDERR_FILENO, usage.append("   (each >= 0)\n").toString());
        return null;
    }
}
