package sprocket.fs.procfs;

import sprocket.api.kernel.ProcessInfo;

/**
 * The text of /proc/PID/status, one "Field:\tvalue" line each, in Linux proc(5)'s layout and order: Name, State (a
 * letter and a word), Pid, PPid, Uid and Gid (real, then effective), and ShareGroup, the IRIX share group's id,
 * only for a process in one.
 */
final class ProcStatus {

    private ProcStatus() {
    }

    static String format(ProcessInfo p) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("Name:\t").append(p.command()).append('\n');
        sb.append("State:\t").append(p.state()).append(" (").append(word(p.state())).append(")\n");
        sb.append("Pid:\t").append(p.pid()).append('\n');
        sb.append("PPid:\t").append(p.ppid()).append('\n');
        sb.append("Uid:\t").append(p.ruid()).append('\t').append(p.euid()).append('\n');
        sb.append("Gid:\t").append(p.rgid()).append('\t').append(p.egid()).append('\n');
        if (p.shareGroup() != 0) sb.append("ShareGroup:\t").append(p.shareGroup()).append('\n');
        return sb.toString();
    }

    /** proc(5): "R (running)", "S (sleeping)", "T (stopped)", "Z (zombie)". */
    private static String word(char state) {
        return switch (state) {
            case ProcessInfo.RUNNING -> "running";
            case ProcessInfo.SLEEPING -> "sleeping";
            case ProcessInfo.STOPPED -> "stopped";
            case ProcessInfo.ZOMBIE -> "zombie";
            default -> "unknown";
        };
    }
}
