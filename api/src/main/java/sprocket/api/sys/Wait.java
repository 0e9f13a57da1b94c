package sprocket.api.sys;

/** sys/wait.h: waitpid(2) options and the macros that read a status word. */
public final class Wait {
    /** Return at once if no child has a status to report. */
    public static final int WNOHANG = 0x40;
    /** Also report stopped children. */
    public static final int WUNTRACED = 0x04;

    private Wait() {
    }

    /** The status word of a child that called exit({@code code}). */
    public static int exited(int code) {
        return (code & 0xff) << 8;
    }

    /** The status word of a child killed by {@code sig}, with a core image if {@code core}. */
    public static int signaled(int sig, boolean core) {
        return sig | (core ? 0x80 : 0);
    }

    /** The status word of a child stopped by {@code sig}. */
    public static int stopped(int sig) {
        return (sig << 8) | 0x7f;
    }

    public static boolean WIFEXITED(int status) {
        return (status & 0xff) == 0;
    }

    public static int WEXITSTATUS(int status) {
        return (status >> 8) & 0xff;
    }

    public static boolean WIFSIGNALED(int status) {
        return (status & 0xff) != 0 && (status & 0xff) != 0x7f;
    }

    public static int WTERMSIG(int status) {
        return status & 0x7f;
    }

    public static boolean WCOREDUMP(int status) {
        return (status & 0x80) != 0;
    }

    public static boolean WIFSTOPPED(int status) {
        return (status & 0xff) == 0x7f;
    }

    public static int WSTOPSIG(int status) {
        return (status >> 8) & 0xff;
    }
}
