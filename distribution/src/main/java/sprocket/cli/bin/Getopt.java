package sprocket.cli.bin;

import sprocket.api.sys.Sys;

/**
 * getopt(3C) for options that take no argument: letters may be grouped ({@code -la}), {@code --} ends the
 * options, and {@code -} alone or the first word not starting with {@code -} is the first operand. An unknown
 * letter is reported as getopt reports it, "prog: illegal option -- x".
 */
public final class Getopt {

    private final String[] argv;
    private final String letters;
    /** The index of the next argument to look at; after the last option, the first operand. */
    public int optind = 1;
    /** The position within a group of letters, as getopt's {@code sp}. */
    private int sp = 1;
    /** The letter last refused, for the caller's message. */
    public char optopt;

    public Getopt(String[] argv, String letters) {
        this.argv = argv;
        this.letters = letters;
    }

    /** The next option letter; -1 when the options end; '?' for a letter not in the list (see {@link #optopt}). */
    public int next() {
        if (sp == 1) {
            if (optind >= argv.length) return -1;
            String arg = argv[optind];
            if (arg.length() < 2 || arg.charAt(0) != '-') return -1;
            if (arg.equals("--")) {
                optind++;
                return -1;
            }
        }
        String arg = argv[optind];
        char c = arg.charAt(sp);
        if (++sp >= arg.length()) {
            sp = 1;
            optind++;
        }
        if (letters.indexOf(c) < 0) {
            optopt = c;
            return '?';
        }
        return c;
    }

    /** The operands: every argument from {@link #optind} on, once {@link #next} has returned -1. */
    public String[] operands() {
        String[] rest = new String[argv.length - optind];
        System.arraycopy(argv, optind, rest, 0, rest.length);
        return rest;
    }

    /** Writes getopt's diagnostic for {@link #optopt} and {@code usage} to standard error; the status 2 to exit with. */
    int usage(Sys sys, String program, String usage) {
        Libc.eputs(sys, program + ": illegal option -- " + optopt + "\n" + usage);
        return 2;
    }
}
