package sprocket.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import sprocket.cli.log.LogProvider;

/** Entry point of the {@code sprocket} command; exits with the status the subcommand chose. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        nameTheLogProvider();
        System.exit(run(new Host(System.out, System.err, System.in, System.getenv(),
                Terminal.isStandardError(System.getenv())), args));
    }

    /**
     * Names SLF4J's provider ({@link LogProvider}) unless the JVM's options name one: searched for, it costs a
     * ServiceLoader scan of every jar and of the JDK's image at each start. SLF4J announces a named provider at its
     * INFO level, where it says nothing else about a single provider, so its own reports start at WARN.
     */
    private static void nameTheLogProvider() {
        if (System.getProperty("slf4j.provider") != null) return;
        System.setProperty("slf4j.provider", LogProvider.class.getName());
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
    }

    /** Runs one invocation against {@code host}'s streams and returns its exit status. */
    static int run(Host host, String... args) {
        CommandLine cmd = commandLine(host, args);
        int status = cmd.execute(args);
        host.out().flush();
        host.err().flush();
        return status;
    }

    /**
     * The subcommands by name, in the order help lists them. Each builds its own command line: picocli reads a
     * command's annotations (and its mixins') when it is built, so a start builds only the one it runs.
     */
    private static final Map<String, Function<Host, CommandLine>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", host -> {
            CommandLine run = new CommandLine(new RunCommand(host));
            // Everything after CONFIG is positional, so `echo -n hi` reaches the program untouched.
            run.setStopAtPositional(true);
            return run;
        });
        SUBCOMMANDS.put("boot", host -> new CommandLine(new BootCommand(host)));
        SUBCOMMANDS.put("compare", host -> {
            CommandLine compare = new CommandLine(new CompareCommand(host));
            compare.setStopAtPositional(true);
            return compare;
        });
        SUBCOMMANDS.put("sweep", host -> new CommandLine(new SweepCommand(host)));
        SUBCOMMANDS.put("modules", host -> new CommandLine(new ModulesCommand(host)));
        SUBCOMMANDS.put("fuzz", host -> new CommandLine(new FuzzCommand(host)));
        SUBCOMMANDS.put("config", host -> new CommandLine(new ConfigCommand())
                .addSubcommand(new CommandLine(new ConfigCheckCommand(host)))
                .addSubcommand(new CommandLine(new ConfigKeysCommand(host))));
        SUBCOMMANDS.put("sdk", host -> new CommandLine(new SdkCommand())
                .addSubcommand(new CommandLine(new SdkInstallCommand(host))));
    }

    /** The whole command tree, wired to {@code host}. */
    static CommandLine commandLine(Host host) {
        return commandLine(host, new String[0]);
    }

    /**
     * The command tree for {@code args}: when they name a subcommand, only that one is built; otherwise (help, the
     * version, a misspelt name that picocli suggests a correction for) every one is.
     */
    static CommandLine commandLine(Host host, String... args) {
        String named = subcommandOf(args);
        CommandLine cmd = new CommandLine(new SprocketCommand());
        SUBCOMMANDS.forEach((name, make) -> {
            if (named == null || named.equals(name)) cmd.addSubcommand(make.apply(host));
        });
        cmd.setOut(new PrintWriter(host.out(), true));
        cmd.setErr(new PrintWriter(host.err(), true));
        cmd.setExecutionExceptionHandler(new ErrorReport(host));
        return cmd;
    }

    /** The known subcommand {@code args} name (the top level's options take no values), or null. */
    private static String subcommandOf(String[] args) {
        for (String a : args) {
            if (a.equals("--")) return null;
            if (!a.startsWith("-")) return SUBCOMMANDS.containsKey(a) ? a : null;
        }
        return null;
    }
}
