package sprocket.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import sprocket.api.ApiVersion;

/**
 * The top-level {@code sprocket} command: a name for its subcommands and the options they all take. Built in code,
 * not from annotations, as every start builds it ({@link Specs} says why).
 */
final class SprocketCommand implements Runnable {

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    /** The command's picocli model, this object its user object. */
    static CommandSpec spec() {
        CommandSpec spec = new SprocketCommand().spec;
        spec.name("sprocket").version("sprocket 0.1.0 (Sprocket API " + ApiVersion.CURRENT + ")");
        spec.usageMessage()
                .description("A deterministic simulator of a multiprocessor Unix kernel, assembled from providers.")
                .footer("", "Examples:",
                        "  sprocket run configs/irix-r2000.conf hello",
                        "  sprocket run --set hw.cpus=1 configs/irix-r2000.conf burn 8 2000000",
                        "  sprocket compare -c configs/irix-r2000.conf --vary hw=r2000,x86mps --vary hw.cpus=1,2"
                                + " shmpi 2 100000",
                        "  sprocket sweep -o machines.results configs/machines.sweep",
                        "  sprocket modules",
                        "  sprocket config check configs/linux-x86mps.conf",
                        "  sprocket config keys",
                        "  sprocket fuzz --seeds 20 --calls 2000 configs/irix-r2000.conf configs/linux-x86mps.conf",
                        "", "Environment: SPROCKET_HOME (plug-ins in $SPROCKET_HOME/plugins), SPROCKET_LOG=debug,"
                                + " SPROCKET_DEBUG=1 (stack traces).");
        Specs.addStandardHelpOptions(spec);
        spec.addOption(OptionSpec.builder("--debug").scopeType(ScopeType.INHERIT)
                .description("Print the stack trace of an unexpected failure.").build());
        return spec;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: run, boot, compare, sweep, fuzz, modules, config or sdk");
    }
}
