package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * The job table: numbering ({@code %1}), the current and previous job ({@code %+}, {@code %-}), the statuses
 * waitpid(2) reports for each process, and the lines {@code jobs} and the Done and Stopped reports print, in dash's
 * layout. Every child the shell waits for is waited for here, with waitpid(-1), so that a background job that ends
 * while a foreground one runs is recorded, not lost.
 */
final class Jobs {
    /** Where a job listing puts the command: the column dash uses. */
    private static final int COMMAND_COLUMN = 33;

    private final List<Job> table = new ArrayList<>();
    /** Jobs by recency: the current job first, the previous second. */
    private final List<Job> recency = new ArrayList<>();

    /** A new job at the lowest free number. */
    Job create(boolean background) {
        int slot = table.indexOf(null);
        if (slot < 0) {
            slot = table.size();
            table.add(null);
        }
        Job j = new Job(slot + 1, background);
        table.set(slot, j);
        return j;
    }

    /** Makes {@code j} the current job; a stopped current job stays ahead of a running one (as dash orders them). */
    void makeCurrent(Job j) {
        recency.remove(j);
        if (j.state != Job.State.STOPPED && !recency.isEmpty() && recency.get(0).state == Job.State.STOPPED) {
            recency.add(1, j);
        } else {
            recency.add(0, j);
        }
    }

    /** Frees the job's number. */
    void forget(Job j) {
        recency.remove(j);
        if (j.id - 1 < table.size() && table.get(j.id - 1) == j) table.set(j.id - 1, null);
        while (!table.isEmpty() && table.get(table.size() - 1) == null) table.remove(table.size() - 1);
    }

    boolean isEmpty() {
        return recency.isEmpty();
    }

    /** Every job, current first. */
    List<Job> byRecency() {
        return List.copyOf(recency);
    }

    /** The job with a process {@code pid}, or null. */
    Job byPid(int pid) {
        for (Job j : table) {
            if (j != null && j.process(pid) != null) return j;
        }
        return null;
    }

    /** The job a job id names (%N, %+, %%, %-, %string, %?string); a ShellError as dash words it if none. */
    Job find(String spec) {
        Job cur = recency.isEmpty() ? null : recency.get(0);
        if (spec == null || spec.equals("%") || spec.equals("%%") || spec.equals("%+")) {
            if (cur == null) throw ShellError.command("No current job", 2);
            return cur;
        }
        if (!spec.startsWith("%")) throw ShellError.command("No such job: " + spec, 2);
        if (spec.equals("%-")) {
            if (recency.size() < 2) throw ShellError.command("No previous job", 2);
            return recency.get(1);
        }
        String rest = spec.substring(1);
        if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
            int n = rest.length() > 6 ? -1 : Integer.parseInt(rest);
            if (n >= 1 && n <= table.size() && table.get(n - 1) != null) return table.get(n - 1);
            throw ShellError.command("No such job: " + spec, 2);
        }
        boolean contains = rest.startsWith("?");
        String text = contains ? rest.substring(1) : rest;
        Job found = null;
        for (Job j : recency) {
            String c = j.command();
            if (contains ? c.contains(text) : c.startsWith(text)) {
                if (found != null) throw ShellError.command(spec + ": ambiguous", 2);
                found = j;
            }
        }
        if (found == null) throw ShellError.command("No such job: " + spec, 2);
        return found;
    }

    /** Records a status waitpid(2) returned; the job it belongs to, or null for a child no job holds. */
    Job record(int pid, int status) {
        Job j = byPid(pid);
        if (j == null) return null;
        j.process(pid).status = status;
        if (j.update() && j.state == Job.State.STOPPED) makeCurrent(j);
        return j;
    }

    /** Collects every status change already waiting, without blocking. */
    void poll(Sys sys, boolean untraced) {
        int[] status = new int[1];
        while (true) {
            int pid = sys.waitpid(-1, status, Wait.WNOHANG | (untraced ? Wait.WUNTRACED : 0));
            if (pid > 0) {
                record(pid, status[0]);
            } else if (pid == 0 || sys.errno() != Errno.EINTR) {
                return; // nothing more to collect, or ECHILD: no children at all
            }
        }
    }

    /**
     * Waits until {@code job} is no longer running (stopped too, with {@code untraced}); a process of it killed by a
     * signal other than SIGINT and SIGPIPE is reported on standard error, as dash does ("Killed").
     */
    void waitFor(Shell sh, Job job, boolean untraced) {
        waitFor(sh, job, untraced, true, false);
    }

    /**
     * The wait built-in's wait: as {@link #waitFor(Shell, Job, boolean)}, {@code report} false without operands, and
     * a signal a trap catches ends it (XCU wait: "the wait utility shall return immediately with an exit status
     * greater than 128"); returns that signal, or 0.
     */
    int waitFor(Shell sh, Job job, boolean untraced, boolean report) {
        return waitFor(sh, job, untraced, report, true);
    }

    private int waitFor(Shell sh, Job job, boolean untraced, boolean report, boolean interruptible) {
        int[] status = new int[1];
        while (job.state == Job.State.RUNNING) {
            int pid = sh.sys.waitpid(-1, status, untraced ? Wait.WUNTRACED : 0);
            if (pid == -1) {
                if (sh.sys.errno() == Errno.EINTR) {
                    if (interruptible && sh.pendingTraps != 0) return Integer.numberOfTrailingZeros(sh.pendingTraps);
                    continue;
                }
                // ECHILD: the job's processes are gone without a status (someone else reaped them); call it done.
                for (Job.Process p : job.processes) {
                    if (p.running()) p.status = 0;
                }
                job.update();
                break;
            }
            if (record(pid, status[0]) == job && report && Job.deathNotice(status[0]) != null) {
                sh.err(Job.deathNotice(status[0]));
            }
        }
        return 0;
    }

    /** A line of {@code jobs}: "[1] + Running" (with the pid for -l) padded to the command column, the command. */
    String line(Job j, boolean pids) {
        StringBuilder b = new StringBuilder("[").append(j.id).append("] ");
        int at = recency.indexOf(j);
        b.append(at == 0 ? '+' : at == 1 ? '-' : ' ').append(' ');
        int indent = b.length();
        if (pids) b.append(j.processes.get(0).pid).append(' ');
        b.append(switch (j.state) {
            case RUNNING -> "Running";
            case STOPPED -> Job.describe(j.stopStatus);
            case DONE -> Job.describe(j.processes.get(j.processes.size() - 1).status);
        });
        if (!pids) return pad(b).append(j.command()).append('\n').toString();
        pad(b).append(j.processes.get(0).command);
        for (int i = 1; i < j.processes.size(); i++) {
            b.append(" |\n").append(" ".repeat(indent)).append(j.processes.get(i).pid).append(' ');
            b.append(" ".repeat(Math.max(COMMAND_COLUMN - indent - String.valueOf(j.processes.get(i).pid).length() - 1, 1)));
            b.append(j.processes.get(i).command);
        }
        return b.append('\n').toString();
    }

    private static StringBuilder pad(StringBuilder b) {
        int col = b.length() - b.lastIndexOf("\n") - 1;
        return b.append(" ".repeat(Math.max(COMMAND_COLUMN - col, 1)));
    }

    /** The lines for jobs that changed since they were last shown (Done, Stopped); a shown Done job is freed. */
    String changes() {
        StringBuilder b = new StringBuilder();
        for (Job j : List.copyOf(recency)) {
            if (!j.changed || j.state == Job.State.RUNNING) continue;
            b.append(line(j, false));
            j.changed = false;
            if (j.state == Job.State.DONE) forget(j);
        }
        return b.toString();
    }
}
