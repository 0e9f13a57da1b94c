package sprocket.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The --progress option of the commands that run simulations ({@code run}, {@code compare}). */
final class ProgressOptions implements Specs.OptionSet {

    /** When to show the progress line. */
    enum When { auto, always, never }

    When progress = When.auto;

    @Override
    public void addTo(CommandSpec command) {
        command.addMixin("progress", CommandSpec.create()
                .addOption(Specs.option(() -> progress, v -> progress = v, "--progress").paramLabel("WHEN")
                        .type(When.class).defaultValue("auto")
                        .description("Show a progress line on standard error while it runs: auto (when standard"
                                + " error is a terminal), always or never. Default: ${DEFAULT-VALUE}.").build()));
    }

    /** Whether to show it on {@code host}'s standard error. */
    boolean show(Host host) {
        return progress == When.always || progress == When.auto && host.errTerminal();
    }
}
