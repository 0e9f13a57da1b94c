package sprocket.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import sprocket.kernel.Catalog;

/** The --plugins option every command that discovers providers takes, and the discovery itself. */
final class PluginOptions implements Specs.OptionSet {

    Path plugins;

    @Override
    public void addTo(CommandSpec command) {
        command.addMixin("plugins", CommandSpec.create()
                .addOption(Specs.option(() -> plugins, v -> plugins = v, "--plugins").paramLabel("DIR")
                        .type(Path.class).converters(Specs.PATH)
                        .description("Also load providers from the jars in DIR (default: $SPROCKET_HOME/plugins).")
                        .build()));
    }

    /** The providers and programs found on the module path and in the plug-in directory {@code host} names. */
    Catalog discover(Host host) {
        return Catalog.discover(host.pluginDirs(plugins));
    }
}
