package sprocket.cli.sweep;

import java.util.List;
import sprocket.cli.compare.Variant;

/**
 * One run of a sweep: a program with its arguments on one variant (configuration, varied values, seed).
 *
 * @param index the run's place in the grid, from 0: its identity in the results
 * @param program which of the sweep file's programs, from 0
 * @param command the program and its arguments
 * @param variant the configuration, the varied values and the seed
 */
public record SweepRun(int index, int program, List<String> command, Variant variant) {
}
