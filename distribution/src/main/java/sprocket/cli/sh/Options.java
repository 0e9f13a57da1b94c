package sprocket.cli.sh;

/** The options {@code set} and the command line change (XCU set): their letters, and {@code $-}. */
final class Options implements Cloneable {
    /** {@code -a}: export every variable assigned. */
    boolean allexport;
    /** {@code -C}: {@code >} does not overwrite an existing regular file. */
    boolean noclobber;
    /** {@code -e}: exit when a command fails, outside a tested context. */
    boolean errexit;
    /** {@code -f}: no pathname expansion. */
    boolean noglob;
    /** {@code -m}: job control: each job its own process group, and Stopped and Done reports. */
    boolean monitor;
    /** {@code -n}: read commands without running them. */
    boolean noexec;
    /** {@code -u}: expanding an unset parameter is an error. */
    boolean nounset;
    /** {@code -v}: write input lines to standard error as they are read. */
    boolean verbose;
    /** {@code -x}: write each command, expanded, to standard error before running it. */
    boolean xtrace;
    /** {@code -i}: interactive (set at start only). */
    boolean interactive;
    /** {@code -s}: commands from standard input (set at start only). */
    boolean stdin;
    /** {@code -c}: commands from a string (set at start only). */
    boolean command;

    /** The options set -o names, in the order dash lists them. */
    private static final String LETTERS = "efmnxvCau";
    private static final String[] NAMES = {
        "errexit", "noglob", "monitor", "noexec", "xtrace", "verbose", "noclobber", "allexport", "nounset"};

    /** Sets or clears option {@code letter}; false if there is no such option for set. */
    boolean set(char letter, boolean on) {
        switch (letter) {
            case 'a' -> allexport = on;
            case 'C' -> noclobber = on;
            case 'e' -> errexit = on;
            case 'f' -> noglob = on;
            case 'm' -> monitor = on;
            case 'n' -> noexec = on;
            case 'u' -> nounset = on;
            case 'v' -> verbose = on;
            case 'x' -> xtrace = on;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The letter of a long name given to {@code set -o}, or 0. */
    static char letter(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) return LETTERS.charAt(i);
        }
        return 0;
    }

    boolean get(char letter) {
        return switch (letter) {
            case 'a' -> allexport;
            case 'C' -> noclobber;
            case 'e' -> errexit;
            case 'f' -> noglob;
            case 'm' -> monitor;
            case 'n' -> noexec;
            case 'u' -> nounset;
            case 'v' -> verbose;
            case 'x' -> xtrace;
            case 'i' -> interactive;
            case 's' -> stdin;
            case 'c' -> command;
            default -> false;
        };
    }

    /** {@code $-}: the letters of the options that are on. */
    String flags() {
        StringBuilder b = new StringBuilder();
        for (char c : "efimnuvxCacs".toCharArray()) {
            if (get(c)) b.append(c);
        }
        return b.toString();
    }

    /** {@code set -o}: each option's name and state, as dash lists them; {@code set +o}: commands that restore them. */
    String listing(boolean commands) {
        StringBuilder b = new StringBuilder(commands ? "" : "Current option settings\n");
        for (int i = 0; i < NAMES.length; i++) {
            boolean on = get(LETTERS.charAt(i));
            b.append(commands ? "set " + (on ? "-o " : "+o ") + NAMES[i] + "\n"
                    : String.format("%-16s%s\n", NAMES[i], on ? "on" : "off"));
        }
        return b.toString();
    }

    @Override
    public Options clone() {
        try {
            return (Options) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
