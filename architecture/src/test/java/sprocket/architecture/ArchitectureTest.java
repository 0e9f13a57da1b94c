package sprocket.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;

/**
 * The module boundaries, checked on the compiled classes of every module of the reactor. Each rule is named as
 * the sentence it enforces, with its reason.
 */
class ArchitectureTest {
    /** The implementation modules' packages: each may see only the API (and its own code). */
    private static final List<String> IMPLEMENTATIONS = List.of(
            "sprocket.hw.r2000", "sprocket.hw.x86mps", "sprocket.sched", "sprocket.vm.regions", "sprocket.fs",
            "sprocket.ipc");
    private static final String[] MODULE_FOLDERS = {
        "api", "kernel-core", "vm-regions", "sched", "ipc", "fs", "hw-r2000", "hw-x86mps", "libc", "distribution",
        "sched-tck", "bench", "fuzz", "examples/lottery-scheduler", "sweep-spark"};


    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        Path root = root();
        List<Path> dirs = Stream.of(MODULE_FOLDERS).map(m -> root.resolve(m).resolve("target/classes"))
                .filter(Files::isDirectory).toList();
        if (dirs.size() != MODULE_FOLDERS.length) {
            throw new IllegalStateException("build every module before this test; found only " + dirs);
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(dirs);
    }

    private static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private static String[] othersThan(String own) {
        return Stream.concat(IMPLEMENTATIONS.stream(),
                        Stream.of("sprocket.kernel", "sprocket.libc", "sprocket.cli", "sprocket.bench",
                                "sprocket.sched.tck", "sprocket.fuzz", "org.example"))
                .filter(p -> !p.equals(own)).map(p -> p + "..").toArray(String[]::new);
    }

    /** Providers are swappable only if nothing reaches past the API into another module. */
    @Test
    void implementation_modules_depend_only_on_the_api() {
        for (String module : IMPLEMENTATIONS) {
            ArchRule rule = noClasses().that().resideInAPackage(module + "..")
                    .and().resideOutsideOfPackage("sprocket.sched.tck..")
                    .should().dependOnClassesThat().resideInAnyPackage(othersThan(module))
                    .because(module + " may see only sprocket.api");
            rule.check(classes);
        }
    }

    /** The kernel boots whatever the configuration names, so it may not know any implementation. */
    @Test
    void the_kernel_depends_on_no_implementation_module() {
        noClasses().that().resideInAPackage("sprocket.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(othersThan("sprocket.kernel"))
                .because("the kernel knows providers only through sprocket.api")
                .check(classes);
    }

    /** The C library is what programs link with: library code over the system calls, which it reaches through the API. */
    @Test
    void the_c_library_depends_only_on_the_api() {
        classes().that().resideInAPackage("sprocket.libc..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.libc..", "sprocket.api..", "java..")
                .because("sprocket.libc runs in the calling process and sees the kernel only through sprocket.api")
                .check(classes);
    }

    /**
     * Only programs link with the C library: the kernel and the providers are the system, not its users (their use is
     * caught by the rules above, which count sprocket.libc among the modules they may not see).
     */
    @Test
    void only_programs_use_the_c_library() {
        noClasses().that().resideOutsideOfPackages("sprocket.libc..", "sprocket.cli..", "sprocket.bench..",
                        "sprocket.sched.tck..", "sprocket.fuzz..")
                .should().dependOnClassesThat().resideInAPackage("sprocket.libc..")
                .because("programs (distribution's /bin, the benchmarks, the scheduler test kit's workloads, the"
                        + " fuzzer's generated programs) link with sprocket.libc; nothing else does")
                .check(classes);
    }

    /** The API is the contract: it depends on the JDK and nothing else, ours or anyone's. */
    @Test
    void the_api_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("sprocket.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.api..", "java..")
                .because("sprocket.api has no dependency beyond the JDK")
                .check(classes);
    }

    /** Package cycles make modules impossible to split and reason about. */
    @Test
    void there_are_no_package_cycles() {
        slices().matching("sprocket.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * A machine is hardware: it knows the kernel only as the hardware SPI's callbacks, not processes or files, and
     * fails as every provider SPI does (ErrnoException, when it has no room for a translation table).
     */
    @Test
    void hardware_modules_use_only_the_hardware_spi() {
        classes().that().resideInAnyPackage("sprocket.hw.r2000..", "sprocket.hw.x86mps..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("sprocket.hw.r2000..",
                        "sprocket.hw.x86mps..", "sprocket.api.hw..", "sprocket.api.spi..", "java..", "org.slf4j..")
                        .or(JavaClass.Predicates.belongToAnyOf(Errno.class, ErrnoException.class)))
                .because("a machine reaches the kernel only through sprocket.api.hw's MachineContext")
                .check(classes);
    }

    /** Plug-in authors get the API and the kit; the kit must not lean on what their plug-ins cannot see. */
    @Test
    void the_scheduler_kit_uses_only_the_api_and_the_kernels_facade() {
        classes().that().resideInAPackage("sprocket.sched.tck..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.sched.tck..", "sprocket.api..",
                        "sprocket.kernel", "sprocket.libc..", "java..", "org.junit..", "org.opentest4j..", "org.assertj..",
                        "org.slf4j..")
                .because("the kit runs the real kernel through its exported facade, as a plug-in author would")
                .check(classes);
    }

    /** The example is what a third party writes: the API alone. */
    @Test
    void the_example_plug_in_uses_only_the_api() {
        classes().that().resideInAPackage("org.example..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.example..", "sprocket.api..", "java..")
                .because("a scheduler plug-in is built against sprocket-api alone")
                .check(classes);
    }

    /**
     * The benchmarks measure the kernel as a user runs it: through its facade and the API (and the JDK's own
     * com.sun.management, for the bytes a thread allocated).
     */
    @Test
    void the_benchmarks_use_only_the_api_and_the_kernels_facade() {
        classes().that().resideInAPackage("sprocket.bench..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.bench..", "sprocket.api..",
                        "sprocket.kernel", "sprocket.libc..", "java..", "com.sun.management..", "org.slf4j..",
                        "org.openjdk.jmh..")
                .because("benchmarks that reach inside would measure something no user runs")
                .check(classes);
    }

    /** The fuzzer runs the kernel as a user does, and its programs are programs: what it finds, a user can reach. */
    @Test
    void the_fuzzer_uses_only_the_api_the_kernels_facade_and_the_c_library() {
        classes().that().resideInAPackage("sprocket.fuzz..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.fuzz..", "sprocket.api..",
                        "sprocket.kernel", "sprocket.libc..", "java..")
                .because("a finding reached through the kernel's insides would be nothing a program can do")
                .check(classes);
    }

    /**
     * Compile-time constants are inlined, so a package that depends on another only through one leaves no trace in
     * the class files ArchUnit reads: the sources' imports and qualified names are checked for cycles too.
     */
    @Test
    void there_are_no_package_cycles_in_the_sources_either() throws java.io.IOException {
        SourceDependencies deps = SourceDependencies.of(root(), MODULE_FOLDERS);
        assertThat(deps.cycles()).as("package cycles in the sources").isEmpty();
    }

    /**
     * Each part of the kernel owns its part of the process structure: nothing else writes it. The engine's part
     * (Kthread) is its own package's by Java's access rules; the rest is checked here, field by field.
     */
    @Test
    void each_part_of_the_process_structure_is_written_only_by_its_owners() {
        ProcessFieldOwners.check(classes);
    }

    /**
     * The shell is a program like the others: the system call interface and the C library are all it may use, with
     * four programs' own pieces it shares with them (echo's escapes, kill's signal names, chmod's symbolic modes and
     * test's evaluator, which are its built-ins too).
     */
    @Test
    void the_shell_uses_only_the_api_the_c_library_and_the_programs_it_shares_code_with() {
        classes().that().resideInAPackage("sprocket.cli.sh..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("sprocket.cli.sh..",
                        "sprocket.api..", "sprocket.libc..", "java..")
                        .or(JavaClass.Predicates.belongToAnyOf(sprocket.cli.bin.Echo.class, sprocket.cli.bin.Kill.class,
                                sprocket.cli.bin.Mode.class, sprocket.cli.bin.Test.class)))
                .because("/bin/sh reaches the kernel only through Sys and libc, as every program does")
                .check(classes);
    }

    /** Only the API is for other modules; SPIs and records, not implementation, cross module lines. */
    @Test
    void implementation_classes_are_not_public_except_the_providers() {
        for (String module : IMPLEMENTATIONS) {
            classes().that().resideInAPackage(module + "..").and().resideOutsideOfPackage("sprocket.sched.tck..")
                    .and().arePublic()
                    .should().haveSimpleNameEndingWith("Provider")
                    .because("only " + module + "'s provider is instantiated from outside, by ServiceLoader")
                    .check(classes);
        }
    }

    /**
     * A sweep runs each simulation through compare's machinery and reads it through the kernel's facade; it needs
     * nothing of the command line (picocli), so the Spark module can run it in an executor.
     */
    @Test
    void the_sweep_uses_only_compare_the_kernels_facade_and_the_api() {
        classes().that().resideInAPackage("sprocket.cli.sweep..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.cli.sweep..", "sprocket.cli.compare..",
                        "sprocket.kernel", "sprocket.api..", "com.fasterxml.jackson.core..", "java..")
                .because("a sweep's runs are compare's runs, and its rows the kernel's statistics")
                .check(classes);
    }

    /** The Spark module is a driver and executors around the sweep: the rest of Sprocket is the sweep's business. */
    @Test
    void the_spark_module_uses_only_the_sweep_and_the_kernels_facade() {
        classes().that().resideInAPackage("sprocket.sweep.spark..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("sprocket.sweep.spark..", "sprocket.cli.sweep..",
                        "sprocket.kernel", "org.apache.spark..", "scala..", "java..")
                .because("sweep-spark runs the sweep API on Spark and nothing more")
                .check(classes);
    }

    /** Spark is optional: the distribution runs sweeps without it, and no other module may need it. */
    @Test
    void nothing_but_the_spark_module_depends_on_spark() {
        noClasses().that().resideOutsideOfPackage("sprocket.sweep.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("the core distribution does not ship Spark")
                .check(classes);
    }
}
