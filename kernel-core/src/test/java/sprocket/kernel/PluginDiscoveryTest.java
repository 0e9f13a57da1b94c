package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sprocket.api.ApiVersion;

/**
 * Each jar in a plug-ins directory is loaded into a module layer of its own: one that works is chosen by name, one
 * that fails to load (a corrupt jar, a provider throwing from its constructor or name()) is reported and skipped
 * without stopping the others, two plug-ins with the same package both load, and one built for another API version
 * is refused with a clear error.
 */
class PluginDiscoveryTest {
    @TempDir
    static Path work;
    static Path plugins;
    static Catalog catalog;

    private static final String FIFO = """
            package test.plugin;
            import java.util.ArrayDeque;
            import sprocket.api.ApiVersion;
            import sprocket.api.sched.*;
            public final class FifoProvider implements SchedulerProvider {
                public String name() { return "fifo"; }
                public String version() { return "9.9"; }
                public String apiVersion() { return ApiVersion.CURRENT; }
                public String description() { return "one global FIFO queue"; }
                public Scheduler create(SchedulerContext ctx) {
                    ArrayDeque<Task> queue = new ArrayDeque<>();
                    return new Scheduler() {
                        public int selectCpu(Task t, int prev) {
                            for (int c = 0; c < ctx.cpus(); c++) if (t.allowedOn(c) && ctx.current(c) == null) return c;
                            return Long.numberOfTrailingZeros(t.affinity());
                        }
                        public void enqueue(Task t, int cpu, int flags) { queue.addLast(t); }
                        public void dequeue(Task t) { queue.remove(t); }
                        public Task pickNext(int cpu) {
                            for (Task t : queue) if (t.allowedOn(cpu)) { queue.remove(t); return t; }
                            return null;
                        }
                        public boolean tick(int cpu, Task current) { return current != null && !queue.isEmpty(); }
                    };
                }
            }
            """;
    private static final String BROKEN = """
            package test.plugin;
            import sprocket.api.sched.*;
            public final class BrokenProvider implements SchedulerProvider {
                public BrokenProvider() { throw new IllegalStateException("boom"); }
                public String name() { return "broken"; }
                public String version() { return "1"; }
                public String apiVersion() { return sprocket.api.ApiVersion.CURRENT; }
                public String description() { return "never loads"; }
                public Scheduler create(SchedulerContext ctx) { return null; }
            }
            """;
    private static final String FUTURE = """
            package test.plugin;
            import sprocket.api.sched.*;
            public final class FutureProvider implements SchedulerProvider {
                public String name() { return "future"; }
                public String version() { return "1"; }
                public String apiVersion() { return "3.0"; }
                public String description() { return "built for an API that does not exist yet"; }
                public Scheduler create(SchedulerContext ctx) { return null; }
            }
            """;
    private static final String NAMELESS = """
            package test.plugin;
            import sprocket.api.sched.*;
            public final class NamelessProvider implements SchedulerProvider {
                public String name() { throw new UnsupportedOperationException("no name today"); }
                public String version() { return "1"; }
                public String apiVersion() { return sprocket.api.ApiVersion.CURRENT; }
                public String description() { return "cannot say its name"; }
                public Scheduler create(SchedulerContext ctx) { return null; }
            }
            """;
    private static final String MODULE = """
            module test.plugin {
                requires sprocket.api;
                provides sprocket.api.sched.SchedulerProvider with
                    test.plugin.FifoProvider, test.plugin.BrokenProvider, test.plugin.FutureProvider,
                    test.plugin.NamelessProvider;
            }
            """;
    /** A plug-in of package org.example.fifo, in a module named {@code module} providing a scheduler {@code name}. */
    private static Map<String, String> exampleFifo(String module, String name) {
        return Map.of("org/example/fifo/Provider.java", FIFO.replace("package test.plugin;", "package org.example.fifo;")
                .replace("class FifoProvider", "class Provider").replace("\"fifo\"", "\"" + name + "\""),
                "module-info.java", "module " + module + " { requires sprocket.api; "
                        + "provides sprocket.api.sched.SchedulerProvider with org.example.fifo.Provider; }");
    }

    @BeforeAll
    static void buildThePluginJars() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar("fifo-plugin", Map.of("test/plugin/FifoProvider.java", FIFO, "test/plugin/BrokenProvider.java", BROKEN,
                "test/plugin/FutureProvider.java", FUTURE, "test/plugin/NamelessProvider.java", NAMELESS,
                "module-info.java", MODULE));
        jar("example-one", exampleFifo("org.example.one", "example-one"));
        jar("example-two", exampleFifo("org.example.two", "example-two"));
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2});
        catalog = Catalog.discover(List.of(plugins));
    }

    /** Compiles {@code sources} (by path under the source root) with the JDK's javac, as a plug-in author would. */
    private static void jar(String name, Map<String, String> sources) throws Exception {
        Path src = work.resolve(name + "/src");
        Path classes = Files.createDirectories(work.resolve(name + "/classes"));
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        List<String> args = new java.util.ArrayList<>(List.of(javac, "-d", classes.toString(), "--module-path",
                apiLocation(), "--release", "21"));
        for (Map.Entry<String, String> e : new TreeMap<>(sources).entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        Process p = new ProcessBuilder(args).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        try (OutputStream out = Files.newOutputStream(plugins.resolve(name + ".jar"));
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
    }

    private static String apiLocation() throws URISyntaxException {
        return Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void a_plugin_provider_is_listed_with_the_jar_it_came_from() {
        assertThat(catalog.providers(Slot.SCHED)).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("fifo");
            assertThat(p.version()).isEqualTo("9.9");
            assertThat(p.origin()).endsWith("fifo-plugin.jar");
            assertThat(p.compatible()).isTrue();
        });
        assertThat(catalog.providers(Slot.SCHED)).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("rr");
            assertThat(p.origin()).isEqualTo("module sprocket.sched");
        });
    }

    @Test
    void a_provider_that_fails_to_load_is_reported_and_skipped_without_stopping_the_others() {
        assertThat(catalog.problems()).anySatisfy(m -> assertThat(m).contains("test.plugin.BrokenProvider")
                .contains("fifo-plugin.jar").contains("boom"));
        assertThat(catalog.providers(Slot.SCHED)).noneMatch(p -> p.name().equals("broken"));
    }

    @Test
    void a_provider_whose_name_throws_is_reported_and_skipped() {
        assertThat(catalog.problems()).anySatisfy(m -> assertThat(m).contains("test.plugin.NamelessProvider")
                .contains("fifo-plugin.jar").contains("no name today"));
    }

    @Test
    void a_corrupt_jar_is_reported_and_the_other_plugins_load() {
        assertThat(catalog.problems()).anySatisfy(m -> assertThat(m)
                .startsWith("plug-in " + plugins.resolve("corrupt.jar") + " cannot be loaded and was skipped: "));
        assertThat(catalog.providers(Slot.SCHED)).extracting(ProviderInfo::name)
                .contains("fifo", "example-one", "example-two");
    }

    @Test
    void two_plugins_with_the_same_package_both_load_each_from_its_own_jar() {
        for (String name : List.of("example-one", "example-two")) {
            assertThat(catalog.providers(Slot.SCHED)).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo(name);
                assertThat(p.origin()).isEqualTo(plugins.resolve(name + ".jar").toString());
            });
        }
        var o = Sim.with("sched=example-two", "hw.cpus=2").catalog(catalog).program("t", (sys, argv) -> {
            Sim.puts(sys, "on two");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("on two\n");
        assertThat(o.stats().get("scheduler")).isEqualTo("example-two");
    }

    @Test
    void each_problem_is_reported_once() {
        assertThat(catalog.problems()).doesNotHaveDuplicates();
    }

    @Test
    void a_provider_built_for_another_api_version_is_refused_by_name() throws Exception {
        assertThat(catalog.providers(Slot.SCHED)).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("future");
            assertThat(p.compatible()).isFalse();
        });
        Path conf = work.resolve("future.conf");
        Files.writeString(conf, "hw = r2000\nsched = future\nvm = regions\nfs = memfs\nipc = sysv\n");
        assertThatThrownBy(() -> KernelConfig.load(conf, List.of(), catalog)).isInstanceOf(ConfigException.class)
                .hasMessage(conf + ":2: sched provider 'future' was built for API 3.0 but this kernel provides API "
                        + ApiVersion.CURRENT);
    }

    @Test
    void the_configuration_names_the_plugin_and_the_kernel_runs_on_it() {
        var o = Sim.with("sched=fifo", "hw.cpus=2").catalog(catalog).program("t", (sys, argv) -> {
            for (int i = 0; i < 4; i++) {
                sys.fork(s -> {
                    s.cpu().burn(300_000);
                    return 0;
                });
            }
            while (sys.wait(new int[1]) > 0) {
                // reap
            }
            Sim.puts(sys, "done");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("done\n");
        assertThat(o.stats().get("scheduler")).isEqualTo("fifo");
    }
}
