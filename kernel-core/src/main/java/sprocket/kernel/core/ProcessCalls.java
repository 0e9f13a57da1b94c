package sprocket.kernel.core;

import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.VnodeResult;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Stat;

/** fork(2), exec(2), exit(2), wait(2), process groups and sessions, and credentials. */
@Singleton
final class ProcessCalls {
    /** uids above this are invalid (IRIX's MAXUID). */
    static final int MAXUID = 60002;
    /** The most bytes of arguments and environment exec(2) takes (IRIX's ARG_MAX). */
    static final int ARG_MAX = 5120;

    private final SyscallFrame frame;
    private final ProcTable table;
    private final Lazy<Lifecycle> lifecycle;
    private final FileSystem fs;

    @Inject
    ProcessCalls(SyscallFrame frame, ProcTable table, Lazy<Lifecycle> lifecycle, FileSystem fs) {
        this.frame = frame;
        this.table = table;
        this.lifecycle = lifecycle;
        this.fs = fs;
    }


    public int fork(ProcessEntry child) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (child == null) return SyscallFrame.fail(p, Errno.EINVAL);
            int r = lifecycle.get().fork(p, child);
            return r < 0 ? SyscallFrame.fail(p, -r) : r;
        } finally {
            frame.leave(p);
        }
    }

    public int execve(String path, String[] argv, String[] envp) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (path == null || argv == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int size = 0;
            for (String a : argv) size += a == null ? 0 : a.length() + 1;
            if (envp != null) for (String e : envp) size += e == null ? 0 : e.length() + 1;
            if (size > ARG_MAX) return SyscallFrame.fail(p, Errno.E2BIG);
            VnodeResult v = fs.lookup(SyscallFrame.lookup(p), path);
            if (v.errno() != 0) return SyscallFrame.fail(p, v.errno());
            Stat st = fs.stat(v.vnode());
            if (st.type() != FileMode.S_IFREG) return SyscallFrame.fail(p, Errno.EACCES);
            int denied = fs.access(v.vnode(), Lifecycle.credentials(p), Fcntl.X_OK);
            if (denied != 0) return SyscallFrame.fail(p, denied);
            OpenResult o = fs.open(SyscallFrame.lookup(p), path, Fcntl.O_RDONLY, 0);
            if (o.errno() != 0) return SyscallFrame.fail(p, o.errno());
            byte[] head = new byte[128];
            int n = o.file().read(head, 0, head.length);
            o.file().release();
            String name = n > 0 ? Programs.parse(head, n) : null;
            if (name == null) return SyscallFrame.fail(p, Errno.ENOEXEC);
            int r = lifecycle.get().exec(p, name, argv.clone(), envp == null ? new String[0] : envp.clone());
            if (r < 0) return SyscallFrame.fail(p, -r);
        } finally {
            frame.leave(p);
        }
        throw ExecUnwind.INSTANCE;
    }

    public int vfork(ProcessEntry child) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (child == null) return SyscallFrame.fail(p, Errno.EINVAL);
            int r = lifecycle.get().vfork(p, child);
            return r < 0 ? SyscallFrame.fail(p, -r) : r;
        } finally {
            frame.leave(p);
        }
    }

    public String[] environ() {
        return frame.user().envp.clone();
    }

    public void exit(int status) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            lifecycle.get().exit(p, sprocket.api.sys.Wait.exited(status));
        } finally {
            frame.leave(p);
        }
    }

    public int waitpid(int pid, int[] status, int options) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if ((options & ~(sprocket.api.sys.Wait.WNOHANG | sprocket.api.sys.Wait.WUNTRACED)) != 0) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            int r = lifecycle.get().waitpid(p, pid, status, options);
            return r < 0 ? SyscallFrame.fail(p, -r) : r;
        } finally {
            frame.leave(p);
        }
    }

    public int getrlimit(int resource, sprocket.api.sys.Rlimit[] out) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            if (resource < 0 || resource >= sprocket.api.sys.Rlimit.RLIM_NLIMITS) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            if (out == null || out.length == 0) return SyscallFrame.fail(p, Errno.EFAULT);
            out[0] = new sprocket.api.sys.Rlimit(p.rlimCur[resource], p.rlimMax[resource]);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int setrlimit(int resource, sprocket.api.sys.Rlimit limit) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (limit == null) return SyscallFrame.fail(p, Errno.EFAULT);
            if (resource < 0 || resource >= sprocket.api.sys.Rlimit.RLIM_NLIMITS || limit.cur() < 0
                    || limit.cur() > limit.max()) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            // setrlimit(2): "EPERM: the limit specified would have raised the maximum limit value, and the caller
            // is not the super-user".
            if (limit.max() > p.rlimMax[resource] && p.euid != 0) return SyscallFrame.fail(p, Errno.EPERM);
            if (resource == sprocket.api.sys.Rlimit.RLIMIT_NOFILE && limit.max() > FdTable.NOFILE
                    && limit.max() != sprocket.api.sys.Rlimit.RLIM_INFINITY) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            p.rlimCur[resource] = limit.cur();
            p.rlimMax[resource] = limit.max();
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public long ulimit(int cmd, long newlimit) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            int fsize = sprocket.api.sys.Rlimit.RLIMIT_FSIZE;
            switch (cmd) {
                case sprocket.api.sys.Rlimit.UL_GETFSIZE -> {
                    long cur = p.rlimCur[fsize];
                    return cur == sprocket.api.sys.Rlimit.RLIM_INFINITY ? cur : cur / 512;
                }
                case sprocket.api.sys.Rlimit.UL_SETFSIZE -> {
                    if (newlimit < 0) return SyscallFrame.fail(p, Errno.EINVAL);
                    long bytes = newlimit > Long.MAX_VALUE / 512 ? sprocket.api.sys.Rlimit.RLIM_INFINITY
                            : newlimit * 512;
                    // ulimit(2): "only a process with an effective user ID of super-user may increase the limit".
                    if (bytes > p.rlimMax[fsize] && p.euid != 0) return SyscallFrame.fail(p, Errno.EPERM);
                    p.rlimCur[fsize] = bytes;
                    p.rlimMax[fsize] = bytes;
                    return newlimit;
                }
                default -> {
                    return SyscallFrame.fail(p, Errno.EINVAL);
                }
            }
        } finally {
            frame.leave(p);
        }
    }

    public int getpid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.pid;
        } finally {
            frame.leave(p);
        }
    }

    public int getppid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.parent == null ? 0 : p.parent.pid;
        } finally {
            frame.leave(p);
        }
    }

    public int setpgid(int pid, int pgid) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (pgid < 0 || pid < 0) return SyscallFrame.fail(p, Errno.EINVAL);
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null || !t.alive() || (t != p && t.parent != p)) return SyscallFrame.fail(p, Errno.ESRCH);
            if (t != p && t.execed) return SyscallFrame.fail(p, Errno.EACCES);
            if (t.sid == t.pid) return SyscallFrame.fail(p, Errno.EPERM);
            if (t != p && t.sid != p.sid) return SyscallFrame.fail(p, Errno.EPERM);
            int g = pgid == 0 ? t.pid : pgid;
            if (g != t.pid && !groupInSession(g, t.sid)) return SyscallFrame.fail(p, Errno.EPERM);
            t.pgid = g;
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    private boolean groupInSession(int pgid, int sid) {
        for (Proc q : table.all()) {
            if (q.alive() && q.pgid == pgid && q.sid == sid) return true;
        }
        return false;
    }

    public int getpgrp() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.pgid;
        } finally {
            frame.leave(p);
        }
    }

    public int getpgid(int pid) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null) return SyscallFrame.fail(p, Errno.ESRCH);
            return t.pgid;
        } finally {
            frame.leave(p);
        }
    }

    public int setsid() {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (p.pgid == p.pid) return SyscallFrame.fail(p, Errno.EPERM);
            for (Proc q : table.all()) {
                if (q != p && q.alive() && q.pgid == p.pid) return SyscallFrame.fail(p, Errno.EPERM);
            }
            p.sid = p.pid;
            p.pgid = p.pid;
            return p.sid;
        } finally {
            frame.leave(p);
        }
    }

    public int getsid(int pid) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null) return SyscallFrame.fail(p, Errno.ESRCH);
            return t.sid;
        } finally {
            frame.leave(p);
        }
    }

    public int getuid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.ruid;
        } finally {
            frame.leave(p);
        }
    }

    public int geteuid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.euid;
        } finally {
            frame.leave(p);
        }
    }

    public int getgid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.rgid;
        } finally {
            frame.leave(p);
        }
    }

    public int getegid() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.egid;
        } finally {
            frame.leave(p);
        }
    }

    public int setuid(int uid) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (uid < 0 || uid > MAXUID) return SyscallFrame.fail(p, Errno.EINVAL);
            if (p.euid == 0) {
                // setuid(2): "If the effective user ID of the calling process is super-user, the real user ID,
                // effective user ID, and saved set-user ID are set to uid."
                table.changeUid(p, p.ruid, uid);
                p.ruid = uid;
                p.euid = uid;
                p.suid = uid;
            } else if (uid == p.ruid || uid == p.suid) {
                p.euid = uid;
            } else {
                return SyscallFrame.fail(p, Errno.EPERM);
            }
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int setgid(int gid) {
        Proc p = frame.enter(Locks.Area.PROC);
        try {
            if (gid < 0 || gid > MAXUID) return SyscallFrame.fail(p, Errno.EINVAL);
            if (p.euid == 0) {
                p.rgid = gid;
                p.egid = gid;
                p.sgid = gid;
            } else if (gid == p.rgid || gid == p.sgid) {
                p.egid = gid;
            } else {
                return SyscallFrame.fail(p, Errno.EPERM);
            }
            return 0;
        } finally {
            frame.leave(p);
        }
    }
}
