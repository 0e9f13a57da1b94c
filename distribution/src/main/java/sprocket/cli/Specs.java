package sprocket.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.TypeConversionException;

/**
 * Options and parameters built in code and bound to a command's fields, for what {@code sprocket run} builds: the
 * top level, {@code run} and the option sets they share with other commands. picocli reads annotations through the
 * JDK's annotation proxies, classes generated at every start, and reads fields by reflection: about 40 ms of a
 * 200 ms start (docs/BENCHMARKS.md). Each builder here gives what picocli derives from an annotated field of the
 * same type (its arity, its initial value), so options, help and errors read as before.
 */
final class Specs {

    private Specs() {
    }

    /**
     * A path, as picocli's own converter makes one and with its message when it cannot: picocli reaches Paths.get by
     * reflection, whose method handle is generated at every start.
     */
    static final ITypeConverter<Path> PATH = s -> {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException(String.format("cannot convert '%s' to %s (%s)", s, Path.class, e));
        }
    };

    /** Options several commands share, built in code: what an annotated {@code @Mixin} class was. */
    interface OptionSet {
        /** These options, bound to this object, mixed into {@code command}. */
        void addTo(CommandSpec command);
    }

    /** The option {@code names}, read by {@code get} and set by {@code set}; reset to what {@code get} gives now. */
    static <V> OptionSpec.Builder option(Supplier<V> get, Consumer<V> set, String... names) {
        Binding<V> b = new Binding<>(get, set);
        return OptionSpec.builder(names).getter(b).setter(b).initialValue(get.get());
    }

    /**
     * A positional parameter read by {@code get} and set by {@code set}: one {@code type}, required, or when
     * {@code element} is given a list of them, optional, with the arity picocli gives an annotated field of that type.
     */
    static <V> PositionalParamSpec.Builder positional(Supplier<V> get, Consumer<V> set, Class<?> type,
            Class<?> element) {
        Binding<V> b = new Binding<>(get, set);
        PositionalParamSpec.Builder p = PositionalParamSpec.builder().getter(b).setter(b).initialValue(get.get())
                .type(type);
        // An annotated parameter is required when its arity's minimum is above 0: a single value's is "1", a list's
        // "0..1" (at most one value per index, unspecified).
        if (element == null) return p.required(true);
        return p.auxiliaryTypes(element).arity(Range.valueOf("0..1").unspecified(true)).required(false);
    }

    /**
     * The options {@code mixinStandardHelpOptions = true} adds, under the name picocli gives them: -h, --help and -V,
     * --version with picocli's own descriptions.
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        CommandSpec help = CommandSpec.create()
                .addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build())
                .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                        .description("Print version information and exit.").build());
        spec.addMixin("mixinStandardHelpOptions", help);
    }

    /** A field as picocli sees one: its value through {@code read} and {@code write}. */
    private static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> read;
        private final Consumer<V> write;

        Binding(Supplier<V> read, Consumer<V> write) {
            this.read = read;
            this.write = write;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) read.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            write.accept((V) value);
            return old;
        }
    }
}
