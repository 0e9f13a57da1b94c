package sprocket.cli.sh;

import java.util.Arrays;
import java.util.List;

/**
 * getopts (XCU getopts): the next option letter of the positional parameters (or of the operands given) into a
 * variable, its argument into OPTARG, and OPTIND past what was used; dash's messages, "Illegal option -x" and "No
 * arg for -b option", unless the option string starts with a colon, which makes it silent.
 */
final class Getopts {

    private Getopts() {
    }

    static int getopts(Shell sh, String[] argv) {
        if (argv.length < 3) throw ShellError.command("usage: getopts optstring var [arg ...]", 2);
        String spec = argv[1];
        String name = argv[2];
        if (!Variables.validName(name)) throw ShellError.command(name + ": bad variable name", 2);
        List<String> args = argv.length > 3 ? Arrays.asList(argv).subList(3, argv.length) : sh.vars.positional();
        String optind = sh.vars.get("OPTIND");
        // A script that sets OPTIND (to 1, to start again) starts a new scan; so does an OPTIND we did not set.
        if (optind == null || !optind.equals(sh.getoptsOptind)) sh.getoptsOffset = 0;
        int index;
        try {
            index = optind == null ? 1 : Math.max(Integer.parseInt(optind.strip()), 1);
        } catch (NumberFormatException e) {
            index = 1;
        }
        if (sh.getoptsOffset == 0) {
            // Between arguments: index names the next one (1-based); does it hold options?
            String arg = index <= args.size() ? args.get(index - 1) : null;
            if (arg == null || arg.length() < 2 || arg.charAt(0) != '-') return end(sh, name, index);
            if (arg.equals("--")) return end(sh, name, index + 1);
            sh.getoptsOffset = 1;
            index++;
        }
        String arg = args.get(index - 2);
        char c = arg.charAt(sh.getoptsOffset++);
        boolean last = sh.getoptsOffset >= arg.length();
        if (last) sh.getoptsOffset = 0;
        boolean silent = spec.startsWith(":");
        int at = c == ':' ? -1 : spec.indexOf(c);
        String value = String.valueOf(c);
        if (at < 0) {
            if (silent) {
                sh.vars.set("OPTARG", value);
            } else {
                sh.err("Illegal option -" + c + "\n");
                sh.vars.unset("OPTARG");
            }
            value = "?";
        } else if (at + 1 < spec.length() && spec.charAt(at + 1) == ':') {
            if (!last) {
                sh.vars.set("OPTARG", arg.substring(sh.getoptsOffset));
                sh.getoptsOffset = 0;
            } else if (index <= args.size()) {
                sh.vars.set("OPTARG", args.get(index - 1));
                index++;
            } else if (silent) {
                sh.vars.set("OPTARG", value);
                value = ":";
            } else {
                sh.err("No arg for -" + c + " option\n");
                sh.vars.unset("OPTARG");
                value = "?";
            }
        } else {
            sh.vars.set("OPTARG", ""); // dash leaves it set and empty for a letter without an argument
        }
        setOptind(sh, index);
        sh.vars.set(name, value);
        return 0;
    }

    private static int end(Shell sh, String name, int index) {
        setOptind(sh, index);
        sh.vars.set(name, "?");
        return 1;
    }

    private static void setOptind(Shell sh, int index) {
        sh.getoptsOptind = Integer.toString(index);
        sh.vars.set("OPTIND", sh.getoptsOptind);
    }
}
