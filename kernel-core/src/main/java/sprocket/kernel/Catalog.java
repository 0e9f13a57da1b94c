package sprocket.kernel;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.spi.Provider;
import sprocket.api.spi.Tunable;
import sprocket.api.sys.Program;
import sprocket.kernel.config.KernelKeys;
import sprocket.kernel.lifecycle.Programs;

/**
 * The providers and programs there are to choose from: found by {@code ServiceLoader} on the module path (or class
 * path), and in the jars of plug-in directories, loaded into a module layer of their own. A provider that fails
 * to load is reported and skipped; it does not stop the others.
 */
public final class Catalog {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    /**
     * Providers by slot, then name. Written out: Comparator.comparing's lambdas are serializable ones, which the
     * start-up cache does not keep, so every start would generate their classes.
     */
    private static final Comparator<ProviderInfo> BY_SLOT_AND_NAME = (a, b) -> {
        int bySlot = a.slot().compareTo(b.slot());
        return bySlot != 0 ? bySlot : a.name().compareTo(b.name());
    };

    private final Map<Slot, Map<String, Provider>> providers = new LinkedHashMap<>();
    private final List<ProviderInfo> infos = new ArrayList<>();
    private final Map<String, Installed> programs = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    /** The jar each plug-in layer was made from. */
    private final Map<ModuleLayer, String> pluginJars = new HashMap<>();

    private Catalog() {
        for (Slot s : Slot.values()) providers.put(s, new TreeMap<>());
    }

    /** Finds every provider and program: the application's own, then those in {@code pluginDirs}. */
    public static Catalog discover(List<Path> pluginDirs) {
        Catalog c = new Catalog();
        List<ModuleLayer> plugins = c.pluginLayers(pluginDirs);
        for (Slot slot : Slot.values()) {
            c.load(slot, application(slot.type()), null);
            for (ModuleLayer layer : plugins) c.load(slot, ServiceLoader.load(layer, slot.type()), layer);
        }
        c.loadPrograms(application(Program.class), null);
        for (ModuleLayer layer : plugins) c.loadPrograms(ServiceLoader.load(layer, Program.class), layer);
        c.infos.sort(BY_SLOT_AND_NAME);
        return c;
    }

    /**
     * The application's own providers of {@code service}. Without a class path (the launcher's case: every jar is a
     * module) they are all in the boot layer, where ServiceLoader.load(layer, service) finds them; load(service) would
     * also search the class path, opening every jar and the JDK's image for META-INF/services files whose providers
     * it then ignores, as they are in named modules: about 7 ms of each start. With a class path, both are searched.
     */
    private static <S> ServiceLoader<S> application(Class<S> service) {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.isEmpty()) return ServiceLoader.load(ModuleLayer.boot(), service);
        return ServiceLoader.load(service);
    }

    /**
     * A module layer for each plug-in jar in {@code dirs}, by directory then name, each with a class loader of its
     * own: two plug-ins may then hold the same package or module name, and a jar that cannot be read or resolved is
     * reported and left out without stopping the others. A plug-in therefore sees the application's modules and its
     * own, not another plug-in's.
     */
    private List<ModuleLayer> pluginLayers(List<Path> dirs) {
        List<ModuleLayer> layers = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            List<Path> jars;
            try (Stream<Path> s = Files.list(dir)) {
                jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                problems.add(dir + ": cannot list plug-ins: " + e.getMessage());
                continue;
            }
            for (Path jar : jars) {
                ModuleLayer layer = pluginLayer(jar);
                if (layer != null) layers.add(layer);
            }
        }
        return layers;
    }

    /** The layer of one plug-in jar, or null (reported) when it is not a module the application can resolve. */
    private ModuleLayer pluginLayer(Path jar) {
        try {
            ModuleFinder finder = ModuleFinder.of(jar);
            Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name())
                    .collect(Collectors.toCollection(TreeSet::new));
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
            pluginJars.put(layer, jar.toString());
            return layer;
        } catch (RuntimeException | LinkageError e) {
            // FindException (not a jar, a bad descriptor), ResolutionException, LayerInstantiationException
            problems.add("plug-in " + jar + " cannot be loaded and was skipped: " + e.getMessage());
            log.debug("plug-in failed to load", e);
            return null;
        }
    }

    /**
     * Hands {@code accept} each element {@code it} gives. A provider whose configuration is broken makes the iterator
     * throw; that is reported to {@code problem} and the walk goes on with the next provider, as ServiceLoader's
     * iterator allows ("subsequent invocations ... will make a best effort to locate ... the next available
     * provider"), until it ends or repeats the same error, which means it cannot recover.
     */
    static <P> void each(Iterator<P> it, Consumer<ServiceConfigurationError> problem, Consumer<P> accept) {
        String last = null;
        while (true) {
            P next;
            try {
                if (!it.hasNext()) return;
                next = it.next();
                last = null;
            } catch (ServiceConfigurationError e) {
                if (String.valueOf(e.getMessage()).equals(last)) return;
                last = String.valueOf(e.getMessage());
                problem.accept(e);
                continue;
            }
            accept.accept(next);
        }
    }

    private void load(Slot slot, ServiceLoader<? extends Provider> loader, ModuleLayer only) {
        each(loader.stream().iterator(), e -> problems.add(slot.key() + ": " + e.getMessage()),
                candidate -> offer(slot, candidate, only));
    }

    private void offer(Slot slot, ServiceLoader.Provider<? extends Provider> candidate, ModuleLayer only) {
        if (only != null && candidate.type().getModule().getLayer() != only) return;
        String origin = origin(candidate.type());
        try {
            Provider p = candidate.get();
            String name = p.name();
            String api = p.apiVersion();
            boolean ok = ApiVersion.compatible(api);
            Map<String, Provider> bySlot = providers.get(slot);
            if (bySlot.containsKey(name)) {
                problems.add(slot.key() + ": two providers are named '" + name + "'; using the first, ignoring "
                        + origin);
                return;
            }
            bySlot.put(name, p);
            infos.add(new ProviderInfo(slot, name, p.version(), api, origin, p.description(), ok));
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            String why = e.getCause() != null ? e.getCause().toString() : e.toString();
            problems.add(slot.key() + ": provider " + candidate.type().getName() + " from " + origin
                    + " failed to load and was skipped: " + why);
            log.debug("provider failed to load", e);
        }
    }

    private void loadPrograms(ServiceLoader<Program> loader, ModuleLayer only) {
        each(loader.stream().iterator(), e -> problems.add("programs: " + e.getMessage()), candidate -> {
            if (only != null && candidate.type().getModule().getLayer() != only) return;
            Installed p = admit(candidate.type(), candidate::get);
            if (p != null) install(p, false);
        });
    }

    /**
     * A program as the kernel will install it, its name and summary read once here, or null when it cannot be one:
     * its constructor, name() or summary() threw, or its name is no file name for /bin. Each refusal is one line in
     * {@link #problems()}; the other programs load as usual.
     */
    private Installed admit(Class<?> type, Supplier<? extends Program> make) {
        String origin = origin(type);
        try {
            Program p = make.get();
            String name = p.name();
            String bad = Programs.invalidName(name);
            if (bad != null) {
                problems.add("program " + type.getName() + " from " + origin + " was skipped: its name " + quote(name)
                        + " " + bad);
                return null;
            }
            String summary = p.summary();
            // "One line for listings": a line break or other control character in it would break the listing.
            String line = summary == null ? "" : oneLine(summary);
            return new Installed(name, line, origin, type.getName(), p);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            String why = e.getCause() != null ? e.getCause().toString() : e.toString();
            problems.add("program " + type.getName() + " from " + origin + " failed to load and was skipped: " + why);
            log.debug("program failed to load", e);
            return null;
        }
    }

    /** Adds {@code p}; a second program of the same name is reported and left out unless it is to {@code replace}. */
    private void install(Installed p, boolean replace) {
        Installed first = programs.get(p.name());
        if (first != null && !replace) {
            problems.add("programs: two programs are named " + quote(p.name()) + "; using " + first.type() + " from "
                    + first.origin() + ", ignoring " + p.type() + " from " + p.origin());
            return;
        }
        programs.put(p.name(), p);
    }

    /**
     * {@code s} with each control character (U+0000-U+001F, U+007F) made a space; a loop, not a regular expression:
     * every start admits each program in /bin, and compiling a pattern per program cost milliseconds.
     */
    static String oneLine(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@code s} in quotes, its control characters escaped, for a one-line report. */
    private static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('\'').toString();
    }

    private String origin(Class<?> type) {
        Module m = type.getModule();
        if (!m.isNamed()) return "class path";
        String jar = pluginJars.get(m.getLayer());
        if (jar != null) return jar;
        return "module " + m.getName();
    }

    /**
     * A catalog with {@code extra} programs installed besides the discovered ones (an extra one replaces a
     * discovered one of the same name): for embedding Sprocket and for tests, which need not package programs as
     * services.
     */
    public Catalog withPrograms(List<Program> extra) {
        Catalog c = new Catalog();
        providers.forEach((slot, m) -> c.providers.get(slot).putAll(m));
        c.infos.addAll(infos);
        c.problems.addAll(problems);
        c.pluginJars.putAll(pluginJars);
        c.programs.putAll(programs);
        for (Program p : extra) {
            Installed checked = c.admit(p.getClass(), () -> p);
            if (checked != null) c.install(checked, true);
        }
        return c;
    }

    /**
     * A catalog with {@code provider} added to {@code slot} (replacing one of the same name): for embedding and
     * for test kits that wrap a provider under test. Its origin reads "added by the embedder".
     */
    public Catalog withProvider(Slot slot, Provider provider) {
        if (!slot.type().isInstance(provider)) {
            throw new IllegalArgumentException(provider.getClass().getName() + " is not a " + slot.type().getName());
        }
        Catalog c = withPrograms(List.of());
        c.providers.get(slot).put(provider.name(), provider);
        c.infos.removeIf(i -> i.slot() == slot && i.name().equals(provider.name()));
        c.infos.add(new ProviderInfo(slot, provider.name(), provider.version(), provider.apiVersion(),
                "added by the embedder", provider.description(), ApiVersion.compatible(provider.apiVersion())));
        c.infos.sort(BY_SLOT_AND_NAME);
        return c;
    }

    /** Every provider found, by slot then name. */
    public List<ProviderInfo> providers() {
        return List.copyOf(infos);
    }

    /** Providers of one slot, by name. */
    public List<ProviderInfo> providers(Slot slot) {
        return infos.stream().filter(i -> i.slot() == slot).toList();
    }

    /**
     * One message per provider or plug-in that failed to load, each once (each plug-in layer's loader walks the
     * application's providers again).
     */
    public List<String> problems() {
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    /** Installed programs, by name. */
    public List<ProgramInfo> programs() {
        return programs.values().stream().map(p -> new ProgramInfo(p.name(), p.summary(), p.origin())).toList();
    }

    Provider provider(Slot slot, String name) {
        return providers.get(slot).get(name);
    }

    /**
     * Every configuration key there is: the kernel's, then each provider's found, by slot and name, each at its
     * default. A key several providers declare is listed under each.
     */
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new ArrayList<>();
        for (Tunable t : KernelKeys.ALL) out.add(new ConfigKey(t, KernelKeys.DECLARER, t.defaultValue(), "default"));
        for (Slot slot : Slot.values()) {
            for (Provider p : providers.get(slot).values()) {
                for (Tunable t : p.tunables()) {
                    out.add(new ConfigKey(t, slot.key() + " " + p.name(), t.defaultValue(), "default"));
                }
            }
        }
        return out;
    }

    /** The providers found that declare {@code key}, by slot then name. */
    List<Map.Entry<Slot, Provider>> declaring(String key) {
        List<Map.Entry<Slot, Provider>> out = new ArrayList<>();
        providers.forEach((slot, bySlot) -> bySlot.values().forEach(p -> {
            if (p.tunables().stream().anyMatch(t -> t.key().equals(key))) out.add(Map.entry(slot, p));
        }));
        return out;
    }

    /** Every provider of {@code slot}, by name. */
    List<Provider> providerInstances(Slot slot) {
        return List.copyOf(providers.get(slot).values());
    }

    List<Program> programInstances() {
        return List.copyOf(programs.values());
    }

    /**
     * A program admitted to /bin: its name and summary as read once at discovery (a plug-in cannot change them later),
     * where it came from, and the program itself, whose main it runs.
     */
    private record Installed(String name, String summary, String origin, String type, Program program)
            implements Program {
        @Override
        public int main(sprocket.api.sys.Sys sys, String[] argv) {
            return program.main(sys, argv);
        }
    }
}
