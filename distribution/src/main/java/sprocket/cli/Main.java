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
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
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
     * command's annotations (and its mixins') when it is built, so a start builds only the one it runs. The option
     * sets several commands share are built in code ({@link Specs}) and mixed in here.
     */
    private static final Map<String, Function<Host, CommandLine>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", host -> {
            CommandLine run = new CommandLine(new RunCommand(host).spec());
            // Everything after CONFIG is positional, so `echo -n hi` reaches the program untouched.
            run.setStopAtPositional(true);
            return run;
        });
        SUBCOMMANDS.put("boot", host -> {
            BootCommand boot = new BootCommand(host);
            return mixIn(new CommandLine(boot), boot.config, boot.plugins, boot.statistics);
        });
        SUBCOMMANDS.put("compare", host -> {
            CompareCommand compare = new CompareCommand(host);
            CommandLine line = mixIn(new CommandLine(compare), compare.config, compare.plugins, compare.progress);
            line.setStopAtPositional(true);
            return line;
        });
        SUBCOMMANDS.put("sweep", host -> {
            SweepCommand sweep = new SweepCommand(host);
            return mixIn(new CommandLine(sweep), sweep.plugins, sweep.progress);
        });
        SUBCOMMANDS.put("modules", host -> {
            ModulesCommand modules = new ModulesCommand(host);
            return mixIn(new CommandLine(modules), modules.plugins);
        });
        SUBCOMMANDS.put("fuzz", host -> {
            FuzzCommand fuzz = new FuzzCommand(host);
            return mixIn(new CommandLine(fuzz), fuzz.plugins);
        });
        SUBCOMMANDS.put("config", host -> {
            ConfigCheckCommand check = new ConfigCheckCommand(host);
            ConfigKeysCommand keys = new ConfigKeysCommand(host);
            return new CommandLine(new ConfigCommand())
                    .addSubcommand(mixIn(new CommandLine(check), check.config, check.plugins))
                    .addSubcommand(mixIn(new CommandLine(keys), keys.config, keys.plugins));
        });
        SUBCOMMANDS.put("sdk", host -> new CommandLine(new SdkCommand())
                .addSubcommand(new CommandLine(new SdkInstallCommand(host))));
    }

    /** {@code line} with {@code sets} mixed into its command. */
    private static CommandLine mixIn(CommandLine line, Specs.OptionSet... sets) {
        for (Specs.OptionSet s : sets) s.addTo(line.getCommandSpec());
        return line;
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
        CommandLine cmd = new CommandLine(SprocketCommand.spec());
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
