package sprocket.bench;

import sprocket.api.sys.Sys;

/** Reads the benchmark programs' one numeric argument. */
final class Args {
    private Args() {
    }

    /** argv[1] as a non-negative count, or -1 after printing the usage line to standard error. */
    static long count(Sys sys, String[] argv) {
        long n = -1;
        if (argv.length == 2) {
            try {
                n = Long.parseLong(argv[1]);
            } catch (NumberFormatException e) {
                n = -1;
            }
        }
        if (n < 0) sys.eprint("usage: " + argv[0] + " N   (N >= 0)\n");
        return n;
    }
}
