package sprocket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sprocket sdk}: the group of commands for plug-in authors' builds (only {@code install} for now). */
@Command(name = "sdk", mixinStandardHelpOptions = true,
        description = "The SDK for plug-in authors: sprocket-api, the test kit and a BOM, as Maven artifacts.")
final class SdkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: install");
    }
}
