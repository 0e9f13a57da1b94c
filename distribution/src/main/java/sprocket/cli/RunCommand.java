package sprocket.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.ProgramInfo;
import sprocket.kernel.RunResult;

/**
 * {@code sprocket run}: boots the kernel CONFIG describes and runs /bin/PROGRAM as init's child. The
 * program's console output reaches standard output as it is written; when it exits, the statistics go to
 * standard error and the command exits with the program's status. Its options are built in code, not read from
 * annotations ({@link Specs} says why).
 */
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    /** The exit status of a run that deadlocked (every process asleep with nothing pending). */
    static final int DEADLOCK = 3;

    private final Host host;

    ConfigOptions config = new ConfigOptions();
    PluginOptions plugins = new PluginOptions();
    StatisticsOptions statistics = new StatisticsOptions();
    Path trace;
    boolean strace;
    Path straceFile;
    ProgressOptions progress = new ProgressOptions();
    Path file;
    String program;
    List<String> args = new ArrayList<>();

    /** The command's picocli model, bound to this object. */
    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("run");
        spec.usageMessage()
                .description("Boot the kernel CONFIG describes and run /bin/PROGRAM with ARGS.",
                        "Options go before CONFIG; everything after PROGRAM is the program's.")
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(UsageMessageSpec.keyValuesMap(
                        "0-255:the program's exit status (128+N if signal N killed it)",
                        "1:the command failed",
                        "2:a usage or configuration error; nothing booted",
                        "3:deadlock: every process was asleep with nothing pending; the report on standard error lists"
                                + " each process and its wait channel",
                        "70:kernel panic",
                        "124:processes killed at kernel.time_limit (simulated seconds) did not die: the run would never"
                                + " end",
                        "127:no such program in /bin",
                        "130:interrupted (^C): the summary, --stats-json and --trace cover the run so far, marked as"
                                + " interrupted"));
        Specs.addStandardHelpOptions(spec);
        config.addTo(spec);
        plugins.addTo(spec);
        statistics.addTo(spec);
        spec.addOption(Specs.option(() -> trace, v -> trace = v, "--trace").paramLabel("FILE").type(Path.class)
                .converters(Specs.PATH)
                .description("Write a Chrome/Perfetto trace of the run (one track per CPU) to FILE.").build());
        spec.addOption(Specs.option(() -> strace, v -> strace = v, "--strace").type(boolean.class)
                .description("Print each system call as it returns, on standard error: simulated time, CPU, pid, the"
                        + " call with its arguments, its result or errno (as strace(1) and IRIX's par(1) do).")
                .build());
        spec.addOption(Specs.option(() -> straceFile, v -> straceFile = v, "--strace-file").paramLabel("FILE")
                .type(Path.class).converters(Specs.PATH).description("Write the --strace lines to FILE instead.")
                .build());
        progress.addTo(spec);
        spec.addPositional(Specs.positional(() -> file, v -> file = v, Path.class, null).index("0")
                .converters(Specs.PATH).paramLabel("CONFIG").description("The kernel configuration file.").build());
        spec.addPositional(Specs.positional(() -> program, v -> program = v, String.class, null).index("1")
                .paramLabel("PROGRAM").description("The program to run, from /bin (see `sprocket modules`).").build());
        spec.addPositional(Specs.positional(() -> args, v -> args = v, List.class, String.class).index("2..*")
                .paramLabel("ARGS").description("The program's arguments, passed untouched.").build());
        return spec;
    }

    RunCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        // Outputs are checked before booting, so a typo fails in a moment rather than after a long run.
        statistics.check();
        requireParentDirectory(trace, "--trace");
        requireParentDirectory(straceFile, "--strace-file");

        Catalog catalog = plugins.discover(host);
        for (String problem : catalog.problems()) host.err().println("sprocket: skipped: " + problem);
        KernelConfig kernelConfig = config.load(file, catalog, host.err());
        requireProgram(catalog, program);

        log.debug("booting {} to run {} {}", file, program, args);
        try (PrintStream straceOut = straceStream(); Interruption interruption = Interruption.install()) {
            return finish(run(kernelConfig, catalog, straceOut == null ? null : straceOut::println, interruption));
        }
    }

    /** Boots and runs, with a progress line on standard error when asked or when it is a terminal. */
    private RunResult run(KernelConfig kernelConfig, Catalog catalog, Consumer<String> straceLines,
            Interruption interruption) {
        if (progress.show(host)) {
            // The console shares the terminal: the line is erased before the program's output is written.
            try (ProgressLine line = new ProgressLine(host.err(), System::nanoTime)) {
                Kernel kernel = Kernel.boot(kernelConfig, catalog,
                        new BootOptions(line.guard(host.out()), host.in(), trace, straceLines));
                interruption.watch(kernel);
                line.start(kernel::progress);
                return kernel.run(program, List.copyOf(args));
            }
        }
        Kernel kernel = Kernel.boot(kernelConfig, catalog, new BootOptions(host.out(), host.in(), trace, straceLines));
        interruption.watch(kernel);
        return kernel.run(program, List.copyOf(args));
    }

    /** Where --strace lines go: standard error, a file, or nowhere. */
    private PrintStream straceStream() {
        if (straceFile != null) {
            try {
                return new PrintStream(Files.newOutputStream(straceFile), false, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Failure(Failure.SOFTWARE, straceFile + ": cannot write the system call trace: "
                        + e.getMessage());
            }
        }
        if (!strace) return null;
        // Not closed with the run: standard error outlives it.
        return new PrintStream(host.err(), true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    private int finish(RunResult result) throws IOException {
        host.out().flush();
        if (Boolean.TRUE.equals(result.stats().get("time_limit_reached"))) {
            host.err().println("sprocket: the run passed kernel.time_limit; every process was killed to end it");
        }
        if (result.deadlock() != null) {
            // The report first: the program's death (Killed) is the kernel's doing, to end the run.
            host.err().print("sprocket: " + result.deadlock().text());
        }
        if (result.interrupted()) {
            host.err().println("sprocket: interrupted: the run was stopped before " + program
                    + " ended; what follows covers it so far");
        } else {
            String death = DeathReport.of(result.waitStatus());
            if (death != null) host.err().println("sprocket: " + program + ": " + death);
        }

        statistics.write(host, result);
        if (result.deadlock() != null) return DEADLOCK;
        return result.exitStatus();
    }

    /** Fails with 127 and the programs there are when /bin has no {@code program}. */
    static void requireProgram(Catalog catalog, String program) {
        StringBuilder known = new StringBuilder();
        for (ProgramInfo p : catalog.programs()) {
            if (p.name().equals(program)) return;
            known.append(' ').append(p.name());
        }
        throw new Failure(Failure.NOT_FOUND, "/bin/" + program + ": No such file or directory (installed:"
                + known + ")");
    }

    /** Fails with a usage error when {@code out} cannot be written for want of its directory, or is one. */
    static void requireParentDirectory(Path out, String option) {
        if (out == null) return;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Failure(Failure.USAGE, out + ": No such file or directory (" + option + ")");
        }
        if (Files.isDirectory(out)) throw new Failure(Failure.USAGE, out + ": Is a directory (" + option + ")");
    }
}
