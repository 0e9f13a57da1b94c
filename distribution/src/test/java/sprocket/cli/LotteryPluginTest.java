package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sprocket.api.ApiVersion;

/**
 * The stand-alone lottery example, built from its sources with the JDK's javac against the API jar alone (as its
 * author's Maven build does), dropped in a plug-ins directory, named in a configuration, runs; and `sprocket modules`
 * says it came from that jar, not from the module path.
 */
class LotteryPluginTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lottery-scheduler", "src", "main");

    @TempDir
    static Path work;
    static Path plugins;
    static Path jar;

    @BeforeAll
    static void buildTheExampleJarIntoAPluginsDirectory() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Path api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> args = new ArrayList<>(List.of(javac, "-d", classes.toString(), "--module-path", api.toString(),
                "--release", "21"));
        try (Stream<Path> s = Files.walk(EXAMPLE.resolve("java"))) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        Process p = new ProcessBuilder(args).inheritIO().start();
        assertThat(p.waitFor()).as("javac of the lottery example").isZero();
        Path services = EXAMPLE.resolve("resources");
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar = plugins.resolve("lottery-scheduler.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Path root : List.of(classes, services)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        j.write(Files.readAllBytes(f));
                        j.closeEntry();
                    }
                }
            }
        }
    }

    @Test
    void modules_lists_lottery_with_the_plugin_jar_as_its_origin() {
        Invocation r = Invocation.sprocket("modules", "--plugins", plugins.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("lottery ")))
                .singleElement().satisfies(l -> assertThat(l).contains("1.0.0", jar.toString()));
    }

    @Test
    void without_the_plugins_directory_there_is_no_lottery_scheduler() {
        Invocation r = Invocation.sprocket("modules");
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("lottery "))).isEmpty();
    }

    @Test
    void a_configuration_naming_lottery_runs_burn_on_it(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("lottery.conf");
        Files.writeString(conf, """
                hw = r2000
                sched = lottery
                vm = regions
                fs = memfs
                ipc = sysv
                hw.cpus = 2
                """);
        Path json = tmp.resolve("stats.json");
        Invocation r = Invocation.sprocket("run", "--no-stats", "--plugins", plugins.toString(), "--stats-json",
                json.toString(), conf.toString(), "burn", "4", "100000");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("burn: 4 processes x 100000 cycles");
        assertThat(Files.readString(json)).contains("\"scheduler\": \"lottery\"");
    }

    @Test
    void a_corrupt_jar_beside_it_is_reported_by_modules_and_at_boot_and_lottery_still_runs(@TempDir Path tmp)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar, dir.resolve("lottery-scheduler.jar"));
        Path corrupt = dir.resolve("a-corrupt.jar");
        Files.writeString(corrupt, "not a zip file");
        String problem = "plug-in " + corrupt + " cannot be loaded and was skipped: ";

        Invocation modules = Invocation.sprocket("modules", "--plugins", dir.toString());
        assertThat(modules.status()).as(modules.err()).isZero();
        assertThat(modules.out()).contains("\nProblems (").contains("\n  " + problem);
        assertThat(modules.out().lines().filter(l -> l.strip().startsWith("lottery "))).hasSize(1);

        Path conf = tmp.resolve("lottery.conf");
        Files.writeString(conf, "hw = r2000\nsched = lottery\nvm = regions\nfs = memfs\nipc = sysv\n");
        Invocation run = Invocation.sprocket("run", "--no-stats", "--plugins", dir.toString(), conf.toString(), "burn",
                "2", "10000");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("sprocket: skipped: " + problem);
        assertThat(run.out()).contains("burn: 2 processes x 10000 cycles");
    }
}
