package sprocket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sprocket config}: the group of configuration subcommands, {@code check} and {@code keys}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with kernel configuration files.")
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check or keys");
    }
}
