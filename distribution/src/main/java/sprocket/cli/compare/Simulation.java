package sprocket.cli.compare;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import sprocket.api.sys.Wait;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigError;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.KernelPanic;
import sprocket.kernel.RunResult;

/**
 * What every run of a comparison shares: the providers and programs found, the user's own overrides, the program
 * and its arguments. {@link #run} boots a kernel of its own for one variant and runs the program on it, on the
 * calling thread; several may run at once on different threads, since a kernel shares no mutable state with another.
 */
public final class Simulation {
    private final Catalog catalog;
    private final List<String> overrides;
    private final boolean strict;
    private final String program;
    private final List<String> args;
    /** Warnings of the runs' configurations (keys of providers a run does not choose), each once, in order. */
    private final Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param overrides the user's {@code --set} values, applied before each variant's own
     * @param strict whether keys of providers a variant does not choose are errors
     */
    public Simulation(Catalog catalog, List<String> overrides, boolean strict, String program, List<String> args) {
        this.catalog = catalog;
        this.overrides = List.copyOf(overrides);
        this.strict = strict;
        this.program = program;
        this.args = List.copyOf(args);
    }

    /** The configuration of {@code v}: its file, the user's overrides, its varied values and its seed. */
    public KernelConfig config(Variant v) throws ConfigException {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(v.overrides());
        KernelConfig config = KernelConfig.load(v.config(), all, catalog, strict);
        for (ConfigError w : config.warnings()) warnings.add(w.where() + ": warning: " + w.message());
        return config;
    }

    /** The configurations' warnings so far, each once. */
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /**
     * Boots {@code v}'s kernel and runs the program to its end; {@code booted} is told of the kernel before the
     * program starts (for a progress display). Whatever happens, the outcome says it: nothing is thrown.
     */
    public Outcome run(Variant v, Consumer<Kernel> booted) {
        KernelConfig config;
        try {
            config = config(v);
        } catch (ConfigException e) {
            List<String> lines = new ArrayList<>();
            for (ConfigError c : e.errors()) lines.add(c.toString());
            String message = lines.isEmpty() ? e.getMessage() : String.join("; ", lines);
            return new Outcome(v, Outcome.Kind.CONFIG, -1, message, null, "");
        }
        ConsoleTail console = new ConsoleTail();
        try {
            Kernel kernel = Kernel.boot(config, catalog, new BootOptions(console, InputStream.nullInputStream(), null));
            booted.accept(kernel);
            RunResult r = kernel.run(program, args);
            if (r.exitStatus() == 0) return new Outcome(v, Outcome.Kind.OK, 0, "", r.stats(), console.text());
            String why = Wait.WIFSIGNALED(r.waitStatus()) ? "killed by signal " + Wait.WTERMSIG(r.waitStatus())
                    : "exited with status " + r.exitStatus();
            return new Outcome(v, Outcome.Kind.FAILED, r.exitStatus(), program + " " + why, r.stats(), console.text());
        } catch (KernelPanic e) {
            return new Outcome(v, Outcome.Kind.PANIC, -1, "kernel panic: " + e.getMessage(), null, console.text());
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(v, Outcome.Kind.ERROR, -1, e.toString(), null, console.text());
        }
    }
}
