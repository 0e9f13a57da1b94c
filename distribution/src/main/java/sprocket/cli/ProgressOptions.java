package sprocket.cli;

import picocli.CommandLine.Option;

/** The --progress option of the commands that run simulations ({@code run}, {@code compare}). */
final class ProgressOptions {

    /** When to show the progress line. */
    enum When { auto, always, never }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Show a progress line on standard error while it runs: auto (when standard error is a"
                    + " terminal), always or never. Default: ${DEFAULT-VALUE}.")
    When progress = When.auto;

    /** Whether to show it on {@code host}'s standard error. */
    boolean show(Host host) {
        return progress == When.always || progress == When.auto && host.errTerminal();
    }
}
