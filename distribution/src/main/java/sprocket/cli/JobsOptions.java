package sprocket.cli;

import picocli.CommandLine.Option;

/** The -j option of the commands that run several simulations at once ({@code compare}, {@code sweep}). */
final class JobsOptions {

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Simulations to run at once (default: the host's cores).")
    Integer jobs;

    /** How many at once: the option's value, or the host's cores; below 1 is a usage error. */
    int parallel() {
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1) throw new Failure(Failure.USAGE, "--jobs " + parallel + ": want at least 1");
        return parallel;
    }
}
