package sprocket.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import sprocket.kernel.Catalog;

/** The --plugins option every command that discovers providers takes, and the discovery itself. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load providers from the jars in DIR (default: $SPROCKET_HOME/plugins).")
    Path plugins;

    /** The providers and programs found on the module path and in the plug-in directory {@code host} names. */
    Catalog discover(Host host) {
        return Catalog.discover(host.pluginDirs(plugins));
    }
}
