package sprocket.fuzz;

import java.nio.file.Path;
import java.util.List;
import sprocket.fuzz.prog.Prog;

/**
 * A distinct finding of a campaign: the first run that showed it, how to repeat that run, and the smallest program
 * found that still shows it, with the end of its system call trace.
 *
 * @param number 1 for the campaign's first distinct finding, and so on
 * @param problem what went wrong
 * @param config the configuration file of the run
 * @param seed the seed of the program and of the kernel's streams
 * @param settings the settings the run added to the file (the seed's, the CPU count, fault injection, --set)
 * @param calls the size of the program that showed it
 * @param minimised the smallest program found that still shows it (the original when it was not shrunk)
 * @param trace the last system calls of the minimised program's run, as --strace prints them
 * @param reproducer a command that runs the same seed again
 */
public record Finding(int number, Problem problem, Path config, long seed, List<String> settings, int calls,
        Prog minimised, List<String> trace, String reproducer) {

    /** Frames of the exception behind a finding that its report shows. */
    private static final int WHERE_FRAMES = 8;

    public Finding {
        settings = List.copyOf(settings);
        trace = List.copyOf(trace);
    }

    /** The report a person reads: what, how to repeat it, the minimised calls and the end of their trace. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append("finding ").append(number).append(": ").append(problem.kind().label()).append(": ")
                .append(problem.message()).append('\n');
        List<String> where = problem.where(WHERE_FRAMES);
        if (!where.isEmpty()) {
            b.append("  thrown: ").append(where.get(0)).append('\n');
            for (String frame : where.subList(1, where.size())) b.append("    ").append(frame).append('\n');
        }
        b.append("  reproduce: ").append(reproducer).append('\n');
        b.append("  minimised: ").append(minimised.size()).append(" of ").append(calls).append(" calls\n");
        for (String line : minimised.render().split("\n")) b.append("  ").append(line).append('\n');
        if (!trace.isEmpty()) {
            b.append("  its last system calls:\n");
            for (String line : trace) b.append("    ").append(line.strip()).append('\n');
        }
        return b.toString();
    }
}
