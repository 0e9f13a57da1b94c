package sprocket.kernel;

import java.util.List;

/**
 * A run that deadlocked: at {@code cycles} every process was asleep (or stopped) and no event was pending, so nothing
 * could ever happen again. Each process is listed with what it was doing and what it waited for; the kernel then
 * ended the run by killing them, as a shutdown does.
 */
public record DeadlockReport(long cycles, List<Process> processes) {

    /** One process: its pid, command, state (sleeping or stopped) and wait channel ("-" when stopped). */
    public record Process(int pid, String command, String state, String wchan) {
    }

    public DeadlockReport {
        processes = List.copyOf(processes);
    }

    /** The report as `sprocket run` prints it: a first line that says what happened, then one line a process. */
    public String text() {
        int wchanWidth = "WCHAN".length();
        for (Process p : processes) wchanWidth = Math.max(wchanWidth, p.wchan().length());
        StringBuilder b = new StringBuilder();
        b.append("deadlock: every process is asleep and nothing is pending (at cycle ").append(cycles).append(")\n");
        String row = "  %5s  %-8s  %-" + wchanWidth + "s  %s%n";
        b.append(String.format(java.util.Locale.ROOT, row, "PID", "STATE", "WCHAN", "COMMAND"));
        for (Process p : processes) {
            b.append(String.format(java.util.Locale.ROOT, row, p.pid(), p.state(), p.wchan(), p.command()));
        }
        return b.toString();
    }
}
