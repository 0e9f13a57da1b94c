package sprocket.kernel.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.sys.Wait;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.ThreadState;
import sprocket.kernel.proc.Proc;

/** waitpid(2): a parent collects the status of a child that exited or stopped. */
@Singleton
public final class Reaper {
    private final Engine engine;
    private final Exit exit;

    @Inject
    Reaper(Engine engine, Exit exit) {
        this.engine = engine;
        this.exit = exit;
    }

    /** waitpid(2) for the running process {@code p}: the pid reaped, 0 for WNOHANG, or a negative errno. */
    public int waitpid(Proc p, int pid, int[] status, int options) {
        while (true) {
            boolean any = false;
            for (Proc c : p.children) {
                if (!matches(p, c, pid)) continue;
                any = true;
                if (!c.alive()) {
                    if (status != null && status.length > 0) status[0] = c.status;
                    int cpid = c.pid;
                    exit.reap(c);
                    return cpid;
                }
                if (c.state() == ThreadState.STOPPED && !c.stopReported && (options & Wait.WUNTRACED) != 0) {
                    c.stopReported = true;
                    if (status != null && status.length > 0) status[0] = c.status;
                    return c.pid;
                }
            }
            if (!any) return -Errno.ECHILD;
            if ((options & Wait.WNOHANG) != 0) return 0;
            if (engine.sleep(p, true) != 0) return -Errno.EINTR;
        }
    }

    private static boolean matches(Proc p, Proc c, int pid) {
        if (pid > 0) return c.pid == pid;
        if (pid == -1) return true;
        if (pid == 0) return c.pgid == p.pgid;
        return c.pgid == -pid;
    }
}
