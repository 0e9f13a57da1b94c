package sprocket.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sprocket.kernel.Catalog;
import sprocket.kernel.KernelConfig;

/** {@code sprocket config check}: validates a configuration without booting and prints its effective values. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check CONFIG as `run` would, without booting, and print every effective value.",
            "Each value is shown with where it came from (file and line, --set, or the default), then \"CONFIG: ok\".",
            "Errors name the file and line and exit with status 2; keys of providers CONFIG does not choose are",
            "ignored with a warning, or refused with --strict."})
final class ConfigCheckCommand implements Callable<Integer> {

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    ConfigOptions config = new ConfigOptions();

    PluginOptions plugins = new PluginOptions();

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The configuration file.")
    Path file;

    ConfigCheckCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = plugins.discover(host);
        KernelConfig checked = config.load(file, catalog, host.err());
        for (String line : checked.describe()) host.out().println(line);
        host.out().println(file + ": ok");
        return 0;
    }
}
