package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;
import sprocket.kernel.lifecycle.Exec;
import sprocket.kernel.lifecycle.Exit;
import sprocket.kernel.lifecycle.Fork;
import sprocket.kernel.lifecycle.Programs;
import sprocket.kernel.lifecycle.Reaper;
import sprocket.kernel.proc.Cred;
import sprocket.kernel.proc.ExecUnwind;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.vfs.File;
import sprocket.kernel.vfs.NameContext;
import sprocket.kernel.vfs.NameSpace;
import sprocket.kernel.vfs.VnOpen;
import sprocket.kernel.vfs.Vnode;

/** fork(2), exec(2), exit(2), wait(2), process groups and sessions, credentials and resource limits. */
@Singleton
final class ProcessCalls {
    /** uids above this are invalid (IRIX's MAXUID). */
    static final int MAXUID = 60002;
    /** The most bytes of arguments and environment exec(2) takes (IRIX's ARG_MAX). */
    static final int ARG_MAX = 5120;
    /** How much of an executable exec(2) reads to tell a program from a script (a "#!" line included). */
    private static final int HEADER = Programs.HEADER_BYTES;
    /** Whom the kernel reads an executable file as, once the caller may execute it. */
    private static final Credentials KERNEL =
            new Credentials(Credentials.ROOT, Credentials.ROOT, Credentials.ROOT, Credentials.ROOT, 0);

    private final ProcTable table;
    private final Fork fork;
    private final Exec exec;
    private final Exit exit;
    private final Reaper reaper;
    private final UserEntry userEntry;
    private final NameSpace names;
    private final VnOpen vn;
    private final Delivery delivery;

    @Inject
    ProcessCalls(ProcTable table, Fork fork, Exec exec, Exit exit, Reaper reaper, UserEntry userEntry,
            NameSpace names, VnOpen vn, Delivery delivery) {
        this.delivery = delivery;
        this.table = table;
        this.fork = fork;
        this.exec = exec;
        this.exit = exit;
        this.reaper = reaper;
        this.userEntry = userEntry;
        this.names = names;
        this.vn = vn;
    }

    /** fork(2) or, {@code borrow}ing the parent's address space until the child execs or exits, vfork(2). */
    int fork(Proc p, ProcessEntry entry, boolean borrow) {
        if (entry == null) return fail(p, Errno.EINVAL);
        Proc child = fork.fork(p, entry, borrow);
        userEntry.start(child, p);
        if (borrow) {
            while (!fork.awaitVforkChild(p, child)) delivery.killOrStop(p);
        }
        return child.pid;
    }

    int execve(Proc p, String path, String[] argv, String[] envp) {
        if (path == null || argv == null) return fail(p, Errno.EFAULT);
        // A program is promised its name in argv[0] (the Program SPI): an empty vector is refused.
        if (argv.length == 0) return fail(p, Errno.EINVAL);
        for (String a : argv) if (a == null) return fail(p, Errno.EFAULT);
        if (envp != null) for (String e : envp) if (e == null) return fail(p, Errno.EFAULT);
        byte[] head = new byte[HEADER];
        Image image = header(p, path, head);
        int n = image.length();
        String name = Programs.parse(head, n);
        String[] args = argv;
        // exec(2): a set-user-ID (set-group-ID) program runs with its owner (group) as effective and saved id; a
        // script's bits are ignored, as SVR4 ignores them.
        Stat setid = name == null ? null : image.stat();
        if (name == null) {
            // A script: "#! interpreter [arg]" names the program that runs it, with the script's path as an
            // argument (the interpreter must be a program itself, as SVR4 requires).
            Interpreter script = Interpreter.parse(head, n);
            if (script == null) return fail(p, Errno.ENOEXEC);
            int m = header(p, script.path(), head).length();
            name = Programs.parse(head, m);
            if (name == null) return fail(p, Errno.ENOEXEC);
            args = script.argv(path, argv);
        }
        String[] env = envp == null ? new String[0] : envp;
        if (bytes(args) + bytes(env) > ARG_MAX) return fail(p, Errno.E2BIG);
        exec.exec(p, name, args.clone(), env.clone());
        if (setid != null) {
            Cred c = p.cred;
            if ((setid.mode() & FileMode.S_ISUID) != 0) c = c.withUids(c.ruid(), setid.uid(), setid.uid());
            else c = c.withUids(c.ruid(), c.euid(), c.euid());
            if ((setid.mode() & FileMode.S_ISGID) != 0) c = c.withGids(c.rgid(), setid.gid(), setid.gid());
            else c = c.withGids(c.rgid(), c.egid(), c.egid());
            // The mask is p.cred's: the ids decide (and a record's equals would be linked at run time, at every start).
            if (!c.sameIds(p.cred)) p.cred = c;
        }
        throw ExecUnwind.INSTANCE;
    }

    /** What exec(2) counts against ARG_MAX: each string and its terminating null. */
    private static int bytes(String[] strings) {
        int size = 0;
        for (String a : strings) size += a.length() + 1;
        return size;
    }

    /**
     * The first bytes of the executable file {@code path} into {@code head}: their count. Fails (ErrnoException)
     * with the lookup's errors, or EACCES when it is not a regular file or not executable by {@code p}.
     */
    /** The first bytes of an executable file, how many were read, and the file's status (its set-id bits). */
    private record Image(int length, Stat stat) {
    }

    private Image header(Proc p, String path, byte[] head) {
        Vnode v = names.lookup(p.nameContext(), path, true);
        Stat st = v.stat();
        if (st.type() != FileMode.S_IFREG) throw ErrnoException.of(Errno.EACCES);
        names.access(v, p.cred.credentials(), Fcntl.X_OK);
        // exec(2) asks for execute permission only: the kernel reads the image itself, so a mode of --x will do.
        NameContext at = p.nameContext();
        File image = vn.open(new NameContext(at.cwd(), at.root(), KERNEL), path, Fcntl.O_RDONLY, 0);
        try {
            return new Image(Math.max(0, image.read(head, 0, head.length)), st);
        } finally {
            image.release();
        }
    }

    int exit(Proc p, int status) {
        exit.exit(p, Wait.exited(status));
        return 0;
    }

    int waitpid(Proc p, int pid, int[] status, int options) {
        if ((options & ~(Wait.WNOHANG | Wait.WUNTRACED)) != 0) return fail(p, Errno.EINVAL);
        int r = reaper.waitpid(p, pid, status, options);
        return r < 0 ? fail(p, -r) : r;
    }

    int getrlimit(Proc p, int resource, Rlimit[] out) {
        if (resource < 0 || resource >= Rlimit.RLIM_NLIMITS) return fail(p, Errno.EINVAL);
        if (out == null || out.length == 0) return fail(p, Errno.EFAULT);
        out[0] = new Rlimit(p.limits.cur(resource), p.limits.max(resource));
        return 0;
    }

    int setrlimit(Proc p, int resource, Rlimit limit) {
        if (limit == null) return fail(p, Errno.EFAULT);
        if (resource < 0 || resource >= Rlimit.RLIM_NLIMITS || limit.cur() < 0 || limit.cur() > limit.max()) {
            return fail(p, Errno.EINVAL);
        }
        // setrlimit(2): "EPERM: the limit specified would have raised the maximum limit value, and the caller
        // is not the super-user".
        if (limit.max() > p.limits.max(resource) && !p.cred.root()) return fail(p, Errno.EPERM);
        if (resource == Rlimit.RLIMIT_NOFILE && limit.max() > FdTable.NOFILE && limit.max() != Rlimit.RLIM_INFINITY) {
            return fail(p, Errno.EINVAL);
        }
        p.limits = p.limits.with(resource, limit.cur(), limit.max());
        return 0;
    }

    long ulimit(Proc p, int cmd, long newlimit) {
        int fsize = Rlimit.RLIMIT_FSIZE;
        switch (cmd) {
            case Rlimit.UL_GETFSIZE -> {
                long cur = p.limits.cur(fsize);
                return cur == Rlimit.RLIM_INFINITY ? cur : cur / 512;
            }
            case Rlimit.UL_SETFSIZE -> {
                if (newlimit < 0) return fail(p, Errno.EINVAL);
                long bytes = newlimit > Long.MAX_VALUE / 512 ? Rlimit.RLIM_INFINITY : newlimit * 512;
                // ulimit(2): "only a process with an effective user ID of super-user may increase the limit".
                if (bytes > p.limits.max(fsize) && !p.cred.root()) return fail(p, Errno.EPERM);
                p.limits = p.limits.with(fsize, bytes, bytes);
                return newlimit;
            }
            default -> {
                return fail(p, Errno.EINVAL);
            }
        }
    }

    int setpgid(Proc p, int pid, int pgid) {
        if (pgid < 0 || pid < 0) return fail(p, Errno.EINVAL);
        Proc t = pid == 0 ? p : table.get(pid);
        if (t == null || !t.alive() || (t != p && t.parent != p)) return fail(p, Errno.ESRCH);
        if (t != p && t.execed) return fail(p, Errno.EACCES);
        if (t.sid == t.pid) return fail(p, Errno.EPERM);
        if (t != p && t.sid != p.sid) return fail(p, Errno.EPERM);
        int g = pgid == 0 ? t.pid : pgid;
        if (g != t.pid && !groupInSession(g, t.sid)) return fail(p, Errno.EPERM);
        t.pgid = g;
        return 0;
    }

    private boolean groupInSession(int pgid, int sid) {
        for (Proc q : table.all()) {
            if (q.pgid == pgid && q.sid == sid) return true; // a zombie is still a member until reaped
        }
        return false;
    }

    int getpgid(Proc p, int pid) {
        Proc t = pid == 0 ? p : table.get(pid);
        if (t == null) return fail(p, Errno.ESRCH);
        return t.pgid;
    }

    int setsid(Proc p) {
        if (p.pgid == p.pid) return fail(p, Errno.EPERM);
        for (Proc q : table.all()) {
            if (q != p && q.alive() && q.pgid == p.pid) return fail(p, Errno.EPERM);
        }
        p.sid = p.pid;
        p.pgid = p.pid;
        return p.sid;
    }

    int getsid(Proc p, int pid) {
        Proc t = pid == 0 ? p : table.get(pid);
        if (t == null) return fail(p, Errno.ESRCH);
        return t.sid;
    }

    int setuid(Proc p, int uid) {
        if (uid < 0 || uid > MAXUID) return fail(p, Errno.EINVAL);
        Cred c = p.cred;
        if (c.root()) {
            // setuid(2): "If the effective user ID of the calling process is super-user, the real user ID,
            // effective user ID, and saved set-user ID are set to uid."
            table.changeUid(c.ruid(), uid);
            p.cred = c.withUids(uid, uid, uid);
        } else if (uid == c.ruid() || uid == c.suid()) {
            p.cred = c.withUids(c.ruid(), uid, c.suid());
        } else {
            return fail(p, Errno.EPERM);
        }
        return 0;
    }

    int setgid(Proc p, int gid) {
        if (gid < 0 || gid > MAXUID) return fail(p, Errno.EINVAL);
        Cred c = p.cred;
        if (c.root()) {
            p.cred = c.withGids(gid, gid, gid);
        } else if (gid == c.rgid() || gid == c.sgid()) {
            p.cred = c.withGids(c.rgid(), gid, c.sgid());
        } else {
            return fail(p, Errno.EPERM);
        }
        return 0;
    }

    /**
     * setreuid(2), as X/Open gives it: "An unprivileged process can only set the effective user ID if the euid
     * argument is equal to either the real, effective, or saved user ID of the process", and the real id only to the
     * real or effective one (4.3BSD: "Unprivileged users may change the real user ID to the effective user ID and
     * vice-versa"). "If the real user ID is being set, or the effective user ID is being set to a value not equal to
     * the real user ID, then the saved set-user ID of the current process shall be set equal to the new effective
     * user ID."
     */
    int setreuid(Proc p, int ruid, int euid) {
        Cred c = p.cred;
        int[] ids = setre(p, c.root(), c.ruid(), c.euid(), c.suid(), ruid, euid);
        if (ids == null) return -1;
        if (ids[0] != c.ruid()) table.changeUid(c.ruid(), ids[0]);
        p.cred = c.withUids(ids[0], ids[1], ids[2]);
        return 0;
    }

    /**
     * getgroups(2): "gets the current supplemental group access list of the calling process and stores the result in
     * the array of group IDs specified by grouplist ... returns the number of supplementary group IDs set for the
     * calling process. If gidsetsize is zero, getgroups will return the number of supplemental group IDs associated
     * with the calling process without modifying the array". "EINVAL The value of gidsetsize is non-zero and less
     * than the number of supplementary group IDs set for the calling process"; EFAULT when the array is not there or
     * shorter than gidsetsize says.
     */
    int getgroups(Proc p, int gidsetsize, int[] grouplist) {
        List<Integer> groups = p.cred.groups();
        if (gidsetsize == 0) return groups.size();
        if (gidsetsize < groups.size()) return fail(p, Errno.EINVAL);
        if (grouplist == null || grouplist.length < gidsetsize) return fail(p, Errno.EFAULT);
        for (int i = 0; i < groups.size(); i++) grouplist[i] = groups.get(i);
        return groups.size();
    }

    /**
     * setgroups(2): "sets the supplementary group access list of the calling process from the array of group IDs
     * specified by grouplist. The number of entries is specified by ngroups and may not be greater than
     * {NGROUPS_MAX}." "EPERM The effective user ID is not super-user"; "EINVAL The value of ngroups is greater than
     * {NGROUPS_MAX}" (or negative, or a group ID out of range); EFAULT when the array is shorter than ngroups.
     */
    int setgroups(Proc p, int ngroups, int[] grouplist) {
        if (!p.cred.root()) return fail(p, Errno.EPERM);
        if (ngroups < 0 || ngroups > Sysconf.NGROUPS_MAX) return fail(p, Errno.EINVAL);
        if (ngroups > 0 && (grouplist == null || grouplist.length < ngroups)) return fail(p, Errno.EFAULT);
        List<Integer> groups = new ArrayList<>(ngroups);
        for (int i = 0; i < ngroups; i++) {
            if (grouplist[i] < 0 || grouplist[i] > MAXUID) return fail(p, Errno.EINVAL);
            groups.add(grouplist[i]);
        }
        p.cred = p.cred.withGroups(groups);
        return 0;
    }

    /** setregid(2): setreuid's rules for the group ids (the caller's privilege is still its effective uid). */
    int setregid(Proc p, int rgid, int egid) {
        Cred c = p.cred;
        int[] ids = setre(p, c.root(), c.rgid(), c.egid(), c.sgid(), rgid, egid);
        if (ids == null) return -1;
        p.cred = c.withGids(ids[0], ids[1], ids[2]);
        return 0;
    }

    /**
     * The real, effective and saved ids that setreuid's rules give a caller holding {@code r}, {@code e} and
     * {@code s} when it asks for {@code newR} and {@code newE} (-1: unchanged); null, with the errno set, when they
     * refuse.
     */
    private int[] setre(Proc p, boolean root, int r, int e, int s, int newR, int newE) {
        if (newR < -1 || newR > MAXUID || newE < -1 || newE > MAXUID) {
            fail(p, Errno.EINVAL);
            return null;
        }
        if (!root && (newR != -1 && newR != r && newR != e || newE != -1 && newE != r && newE != e && newE != s)) {
            fail(p, Errno.EPERM);
            return null;
        }
        int toR = newR == -1 ? r : newR;
        int toE = newE == -1 ? e : newE;
        return new int[] {toR, toE, newR != -1 || newE != -1 && toE != r ? toE : s};
    }
}
