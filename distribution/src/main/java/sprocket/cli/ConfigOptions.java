package sprocket.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigError;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelConfig;

/**
 * The options that shape a configuration, shared by {@code run}, {@code config check} and {@code config keys}:
 * --set, --seed and --strict.
 */
final class ConfigOptions implements Specs.OptionSet {

    List<String> sets = new ArrayList<>();
    Long seed;
    boolean strict;

    @Override
    public void addTo(CommandSpec command) {
        command.addMixin("config", CommandSpec.create()
                .addOption(Specs.option(() -> sets, v -> sets = v, "--set").paramLabel("KEY=VALUE")
                        .type(List.class).auxiliaryTypes(String.class).converters(new KeyValue())
                        .description("Override a configuration value (repeatable); wins over the file.").build())
                .addOption(Specs.option(() -> seed, v -> seed = v, "--seed").paramLabel("N").type(Long.class)
                        .description("Seed of the run's pseudo-random streams; the same as --set seed=N.").build())
                .addOption(Specs.option(() -> strict, v -> strict = v, "--strict").type(boolean.class)
                        .description("Refuse keys of providers the configuration does not choose (by default they"
                                + " are ignored with a warning).").build()));
    }

    /** The overrides in the order given, --seed last so that it wins over a --set seed=... */
    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) all.add("seed=" + seed);
        return all;
    }

    /**
     * Loads {@code file} with the overrides and prints its warnings to {@code err}; a missing or unreadable file is
     * a usage error, not a stack trace.
     */
    KernelConfig load(Path file, Catalog catalog, PrintStream err) throws ConfigException {
        if (!Files.exists(file)) throw new Failure(Failure.USAGE, file + ": No such file or directory");
        if (Files.isDirectory(file)) throw new Failure(Failure.USAGE, file + ": Is a directory");
        if (!Files.isReadable(file)) throw new Failure(Failure.USAGE, file + ": Permission denied");
        KernelConfig config = KernelConfig.load(file, overrides(), catalog, strict);
        for (ConfigError w : config.warnings()) err.println(w.where() + ": warning: " + w.message());
        return config;
    }

    /** Accepts {@code key=value} with a non-empty key; the value may be empty. */
    static final class KeyValue implements ITypeConverter<String> {
        @Override
        public String convert(String s) {
            int eq = s.indexOf('=');
            if (eq <= 0 || s.substring(0, eq).isBlank()) {
                throw new TypeConversionException("'" + s + "' is not KEY=VALUE");
            }
            return s.strip();
        }
    }
}
