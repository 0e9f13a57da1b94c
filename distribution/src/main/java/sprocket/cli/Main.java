package sprocket.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code sprocket} command; exits with the status the subcommand chose. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new Host(System.out, System.err, System.in, System.getenv(),
                Terminal.isStandardError(System.getenv())), args));
    }

    /** Runs one invocation against {@code host}'s streams and returns its exit status. */
    static int run(Host host, String... args) {
        CommandLine cmd = commandLine(host);
        int status = cmd.execute(args);
        host.out().flush();
        host.err().flush();
        return status;
    }

    /** The command tree, wired to {@code host}. */
    static CommandLine commandLine(Host host) {
        CommandLine cmd = new CommandLine(new SprocketCommand());
        CommandLine run = new CommandLine(new RunCommand(host));
        // Everything after CONFIG is positional, so `echo -n hi` reaches the program untouched.
        run.setStopAtPositional(true);
        cmd.addSubcommand(run);
        cmd.addSubcommand(new CommandLine(new BootCommand(host)));
        CommandLine compare = new CommandLine(new CompareCommand(host));
        compare.setStopAtPositional(true);
        cmd.addSubcommand(compare);
        cmd.addSubcommand(new CommandLine(new SweepCommand(host)));
        cmd.addSubcommand(new CommandLine(new ModulesCommand(host)));
        cmd.addSubcommand(new CommandLine(new FuzzCommand(host)));
        cmd.addSubcommand(new CommandLine(new ConfigCommand())
                .addSubcommand(new CommandLine(new ConfigCheckCommand(host)))
                .addSubcommand(new CommandLine(new ConfigKeysCommand(host))));
        cmd.addSubcommand(new CommandLine(new SdkCommand())
                .addSubcommand(new CommandLine(new SdkInstallCommand(host))));
        cmd.setOut(new PrintWriter(host.out(), true));
        cmd.setErr(new PrintWriter(host.err(), true));
        cmd.setExecutionExceptionHandler(new ErrorReport(host));
        return cmd;
    }
}
