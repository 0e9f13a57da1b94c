package sprocket.api.kernel;

/**
 * What the kernel tells a file system about one process, for /proc: ids, the state letter, credentials, the share
 * group and the command line. A snapshot taken when asked; {@code argv} is the process's own array, not to be changed.
 *
 * @param state      'R' running or runnable, 'S' sleeping, 'T' stopped, 'Z' zombie (Linux proc(5)'s letters)
 * @param shareGroup the share group's id when the process is in one (sproc(2)), else 0
 * @param command    the name of the program it runs
 * @param argv       the arguments it was exec'd with, argv[0] first
 */
public record ProcessInfo(int pid, int ppid, int pgid, int sid, char state, int ruid, int euid, int rgid, int egid,
        int shareGroup, String command, String[] argv) {

    public static final char RUNNING = 'R';
    public static final char SLEEPING = 'S';
    public static final char STOPPED = 'T';
    public static final char ZOMBIE = 'Z';
}
