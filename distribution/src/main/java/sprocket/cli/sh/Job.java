package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Signals;
import sprocket.api.sys.Wait;
import sprocket.libc.Strsignal;

/**
 * A job: the processes of one pipeline (or of one background list), their process group when job control is on,
 * and what each last reported to waitpid(2).
 */
final class Job {

    enum State { RUNNING, STOPPED, DONE }

    /** One process of the job; {@code status} is -1 while it runs. */
    static final class Process {
        final int pid;
        final String command;
        int status = -1;

        Process(int pid, String command) {
            this.pid = pid;
            this.command = command;
        }

        boolean running() {
            return status == -1;
        }
    }

    /** {@code %N}. */
    final int id;
    /** The job's process group, or 0 when it shares the shell's (job control off). */
    int pgid;
    final boolean background;
    final List<Process> processes = new ArrayList<>();
    State state = State.RUNNING;
    /** The status word of the signal that stopped it. */
    int stopStatus;
    /** Changed since it was last reported ("Done", "Stopped"). */
    boolean changed;

    Job(int id, boolean background) {
        this.id = id;
        this.background = background;
    }

    /** The command text {@code jobs} shows: the processes' commands joined as a pipeline. */
    String command() {
        StringBuilder b = new StringBuilder();
        for (Process p : processes) {
            if (b.length() > 0) b.append(" | ");
            b.append(p.command);
        }
        return b.toString();
    }

    int lastPid() {
        return processes.isEmpty() ? -1 : processes.get(processes.size() - 1).pid;
    }

    Process process(int pid) {
        for (Process p : processes) {
            if (p.pid == pid) return p;
        }
        return null;
    }

    /** Works out the job's state after a process's status changed; true if the state changed. */
    boolean update() {
        State s = State.DONE;
        for (Process p : processes) {
            if (p.running()) {
                s = State.RUNNING;
                break;
            }
            if (Wait.WIFSTOPPED(p.status)) {
                s = State.STOPPED;
                stopStatus = p.status;
            }
        }
        if (s == state) return false;
        state = s;
        changed = true;
        return true;
    }

    /** The job's exit status (XCU 2.9.2): its last process's, 128+N for a signal, 128+N when stopped by one. */
    int status() {
        if (state == State.STOPPED) return 128 + Wait.WSTOPSIG(stopStatus);
        return statusOf(processes.get(processes.size() - 1).status);
    }

    static int statusOf(int status) {
        if (status == -1) return 0;
        if (Wait.WIFEXITED(status)) return Wait.WEXITSTATUS(status);
        if (Wait.WIFSTOPPED(status)) return 128 + Wait.WSTOPSIG(status);
        return 128 + Wait.WTERMSIG(status);
    }

    /**
     * What the shell says when a process it waited for was killed: the signal's words, as dash says them, unless it
     * was SIGINT or SIGPIPE (the user or the reader ended it, which needs no word); null for no message.
     */
    static String deathNotice(int status) {
        if (!Wait.WIFSIGNALED(status)) return null;
        int sig = Wait.WTERMSIG(status);
        return sig == Signals.SIGINT || sig == Signals.SIGPIPE ? null : describe(status) + "\n";
    }

    /** How a status word reads in a job listing: "Done", "Done(3)", "Killed", "Stopped"... */
    static String describe(int status) {
        if (Wait.WIFEXITED(status)) {
            int code = Wait.WEXITSTATUS(status);
            return code == 0 ? "Done" : "Done(" + code + ")";
        }
        if (Wait.WIFSTOPPED(status)) return Strsignal.strsignal(Wait.WSTOPSIG(status));
        return Strsignal.strsignal(Wait.WTERMSIG(status)) + (Wait.WCOREDUMP(status) ? " (core dumped)" : "");
    }
}
