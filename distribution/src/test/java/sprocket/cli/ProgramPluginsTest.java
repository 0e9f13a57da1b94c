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
 * Program plug-ins that misbehave (a name that is a path, an empty name, a summary() that throws, a name another
 * program has) are each skipped with one line, at boot and in `sprocket modules`, and `sprocket run` and `sprocket
 * modules` still work, the good program of the same jar included.
 */
class ProgramPluginsTest {
    @TempDir
    static Path work;
    static Path plugins;

    /** A program class named {@code cls} with name() {@code nameExpr} and summary() {@code summaryExpr}. */
    private static String program(String cls, String nameExpr, String summaryExpr) {
        return """
                package test.programs;
                import sprocket.api.sys.*;
                public final class %s implements Program {
                    public String name() { return %s; }
                    public String summary() { %s }
                    public int main(Sys sys, String[] argv) {
                        byte[] b = ("%s ran\\n").getBytes();
                        sys.write(1, b, 0, b.length);
                        return 0;
                    }
                }
                """.formatted(cls, nameExpr, summaryExpr, cls);
    }

    @BeforeAll
    static void buildAJarOfProgramsSomeBroken() throws Exception {
        Path src = Files.createDirectories(work.resolve("src/test/programs"));
        Files.writeString(src.resolve("Evil.java"), program("Evil", "\"../evil/x\"", "return \"a path\";"));
        Files.writeString(src.resolve("Nameless.java"), program("Nameless", "\"\"", "return \"empty\";"));
        Files.writeString(src.resolve("Loud.java"),
                program("Loud", "\"loud\"", "throw new IllegalStateException(\"summary failed\");"));
        Files.writeString(src.resolve("Impostor.java"), program("Impostor", "\"hello\"", "return \"not hello\";"));
        Files.writeString(src.resolve("Plugged.java"), program("Plugged", "\"plugged\"", "return \"works\";"));
        Files.writeString(work.resolve("src/module-info.java"), """
                module test.programs {
                    requires sprocket.api;
                    provides sprocket.api.sys.Program with test.programs.Evil, test.programs.Nameless,
                        test.programs.Loud, test.programs.Impostor, test.programs.Plugged;
                }
                """);
        Path classes = Files.createDirectories(work.resolve("classes"));
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Path api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> args = new ArrayList<>(List.of(javac, "-d", classes.toString(), "--module-path", api.toString(),
                "--release", "21"));
        try (Stream<Path> s = Files.walk(work.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        Process p = new ProcessBuilder(args).inheritIO().start();
        assertThat(p.waitFor()).as("javac of the test programs").isZero();
        plugins = Files.createDirectories(work.resolve("plugins"));
        try (OutputStream out = Files.newOutputStream(plugins.resolve("programs.jar"));
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
    }

    @Test
    void modules_lists_the_good_program_and_one_problem_line_for_each_bad_one() {
        Invocation r = Invocation.sprocket("modules", "--plugins", plugins.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l.strip()).startsWith("plugged ").contains("programs.jar"));
        assertThat(lines).filteredOn(l -> l.contains("test.programs.")).hasSize(4);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("test.programs.Evil").contains("'../evil/x'"))
                .anySatisfy(l -> assertThat(l).contains("test.programs.Nameless").contains("is empty"))
                .anySatisfy(l -> assertThat(l).contains("test.programs.Loud").contains("summary failed"))
                .anySatisfy(l -> assertThat(l).contains("two programs are named 'hello'")
                        .contains("ignoring test.programs.Impostor"));
        assertThat(lines).noneMatch(l -> l.strip().startsWith("loud ") || l.contains("not hello"));
    }

    @Test
    void run_reports_each_bad_program_once_and_runs_the_good_one_and_the_real_hello() {
        Invocation plugged = Invocation.sprocket("run", "--no-stats", "--plugins", plugins.toString(),
                RunCommandTest.IRIX, "plugged");
        assertThat(plugged.status()).as(plugged.err()).isZero();
        assertThat(plugged.out()).isEqualTo("Plugged ran\n");
        assertThat(plugged.err().lines().filter(l -> l.startsWith("sprocket: skipped: "))).hasSize(4);
        Invocation hello = Invocation.sprocket("run", "--no-stats", "--plugins", plugins.toString(),
                RunCommandTest.LINUX, "hello");
        assertThat(hello.status()).as(hello.err()).isZero();
        assertThat(hello.out()).isEqualTo("hello, world\n");
    }
}
