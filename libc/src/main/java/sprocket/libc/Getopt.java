package sprocket.libc;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * getopt(3C), with POSIX's semantics: options are letters after a '-', grouped or not ({@code -la} is {@code -l -a});
 * a letter followed by ':' in the option string takes an argument, the rest of its word or the next word ({@code
 * -tmemfs}, {@code -t memfs}); "--" ends the options and is skipped; "-" alone, or the first word not starting with
 * '-', is the first operand. An unknown letter returns '?', and a missing argument '?' (or ':' when the option string
 * starts with ':'), with the letter in {@link #optopt()} and, unless the option string starts with ':' or
 * {@link #opterr(boolean)} turned it off, getopt's message on standard error: "prog: illegal option -- x" or "prog:
 * option requires an argument -- x", prog being argv[0].
 *
 * <p>C keeps optind, optarg, optopt and opterr in globals; here they are this object's, one per parse, which the
 * program holds for as long as it looks at its arguments.
 */
public final class Getopt {
    private final Sys sys;
    private final String[] argv;
    private final String optstring;
    private int optind = 1;
    /** The position within a group of letters, as getopt's {@code sp}. */
    private int sp = 1;
    private String optarg;
    private int optopt;
    private boolean opterr = true;

    /** A parse of {@code argv} (argv[0] the program's name) for the options of {@code optstring}. */
    public Getopt(Sys sys, String[] argv, String optstring) {
        this.sys = sys;
        this.argv = argv;
        this.optstring = optstring;
    }

    /**
     * The next option letter, with its argument in {@link #optarg()}; -1 once the options end, {@link #optind()} then
     * being the first operand's index; '?' (or ':') for an error, the letter in {@link #optopt()}.
     */
    public int getopt() {
        optarg = null;
        if (sp == 1) {
            if (optind >= argv.length) return -1;
            String arg = argv[optind];
            if (arg == null || arg.length() < 2 || arg.charAt(0) != '-') return -1;
            if (arg.equals("--")) {
                optind++;
                return -1;
            }
        }
        String arg = argv[optind];
        char c = arg.charAt(sp);
        optopt = c;
        int at = c == ':' ? -1 : optstring.indexOf(c);
        boolean silent = optstring.startsWith(":");
        if (at < 0) {
            next(arg);
            if (opterr && !silent) complain("illegal option", c);
            return '?';
        }
        if (at + 1 < optstring.length() && optstring.charAt(at + 1) == ':') {
            if (sp + 1 < arg.length()) {
                optarg = arg.substring(sp + 1);
            } else if (optind + 1 < argv.length) {
                optarg = argv[++optind];
            } else {
                sp = 1;
                optind++;
                if (silent) return ':';
                if (opterr) complain("option requires an argument", c);
                return '?';
            }
            sp = 1;
            optind++;
            return c;
        }
        next(arg);
        return c;
    }

    /** Moves past the letter at {@code sp}, to the next word when it was the word's last. */
    private void next(String arg) {
        if (++sp >= arg.length()) {
            sp = 1;
            optind++;
        }
    }

    private void complain(String what, char c) {
        String prog = argv.length > 0 && argv[0] != null ? argv[0] : "getopt";
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, prog + ": " + what + " -- " + c + "\n");
    }

    /** The index of the next word to look at; once getopt returned -1, the first operand's. */
    public int optind() {
        return optind;
    }

    /** The argument of the option getopt last returned, or null. */
    public String optarg() {
        return optarg;
    }

    /** The option letter of the last error. */
    public int optopt() {
        return optopt;
    }

    /** Whether getopt writes its messages (C's opterr, on by default). */
    public void opterr(boolean on) {
        opterr = on;
    }

    /** The operands: every word from {@link #optind()} on, once getopt has returned -1. */
    public String[] operands() {
        String[] rest = new String[Math.max(0, argv.length - optind)];
        System.arraycopy(argv, optind, rest, 0, rest.length);
        return rest;
    }
}
