package sprocket.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigKey;

/**
 * {@code sprocket config keys [CONFIG]}: every configuration key, under the kernel or provider that declares it, with
 * its description, the values it takes and its default; given CONFIG, only the keys that configuration accepts, each
 * with its effective value and where that came from.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"List every configuration key with its description, allowed values, default and the provider"
                + " that declares it.",
            "Given CONFIG, list the keys that configuration accepts, each with its value and where it was set."})
final class ConfigKeysCommand implements Callable<Integer> {

    /** Descriptions wrap to this width, indent included. */
    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    ConfigOptions config = new ConfigOptions();

    PluginOptions plugins = new PluginOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "A configuration file: list only the keys it accepts, with their values.")
    Path file;

    ConfigKeysCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = plugins.discover(host);
        List<ConfigKey> keys = file == null ? catalog.keys() : config.load(file, catalog, host.err()).keys();
        PrintStream out = host.out();
        String group = null;
        for (ConfigKey k : keys) {
            if (!k.declaredBy().equals(group)) {
                if (group != null) out.println();
                group = k.declaredBy();
                out.println("== " + group);
            }
            String line = k.key() + " = " + k.value();
            out.println(file == null ? line : String.format("%-40s (%s)", line, k.source()));
            wrap(out, k.tunable().description());
            out.println(INDENT + k.kind() + ": " + k.range() + "; default " + k.tunable().defaultValue());
        }
        return 0;
    }

    /** {@code text} indented, broken at spaces so that no line passes {@link #WIDTH} unless one word does. */
    private static void wrap(PrintStream out, String text) {
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.split(" ")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(INDENT);
            }
            if (line.length() > INDENT.length()) line.append(' ');
            line.append(word);
        }
        out.println(line);
    }
}
