package sprocket.cli.bin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.api.Errno;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * A one-CPU kernel in miniature for the programs' tests: fork runs the child to completion at once (a
 * schedule a uniprocessor may choose), waitpid reaps the zombies that leaves, write appends to shared
 * stdout and stderr buffers, and burn advances one clock. Shared memory segments are byte arrays that loads and
 * stores reach through each process's attachments, which fork copies and exit drops. Files live in a
 * {@link FakeFiles} tree; standard input is a byte array read a few bytes at a time. Calls the programs do not
 * make fail the test.
 */
final class FakeSys implements Sys, sprocket.api.sys.UserCpu {

    /** State every process of one fake machine shares. */
    static final class Machine {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final List<String> kills = new ArrayList<>();
        final Map<Integer, Integer> killErrors = new LinkedHashMap<>();
        final List<Integer> sleeps = new ArrayList<>();
        /** Run after each sleep, as the rest of the system would have gone on meanwhile (null: nothing). */
        Runnable duringSleep;
        final Deque<Integer> unslept = new ArrayDeque<>();
        int nextPid = 2;
        int liveProcesses = 1;
        /** fork fails with EAGAIN once this many processes exist (the fake's maxuprc). */
        int maxProcesses = Integer.MAX_VALUE;
        /** When non-zero, children die of this signal instead of running their entry. */
        int killChildWith;
        long clock;
        long forkCost;
        int stdoutErrno;
        int forks;
        /** time(2). */
        long seconds;
        /** Live message queues and semaphore sets by identifier; MSG_STAT and SEM_STAT index them in this order. */
        final Map<Integer, MsqidDs> queues = new LinkedHashMap<>();
        final Map<Integer, SemidDs> semaphores = new LinkedHashMap<>();
        /** IPC_RMID of these identifiers fails with the errno given; *_STAT of these indexes fails likewise. */
        final Map<Integer, Integer> rmidErrors = new LinkedHashMap<>();
        final Map<Integer, Integer> statErrors = new LinkedHashMap<>();
        /** The IPC_RMID calls made, as "q5", "m6" or "s7". */
        final List<String> removals = new ArrayList<>();
        /** Live shared memory segments by identifier, as the queues are; SHM_STAT indexes them in this order. */
        final Map<Integer, ShmidDs> segments = new LinkedHashMap<>();
        /** The bytes of each segment shmget made, kept while attached anywhere, as a removed segment is. */
        final Map<Integer, byte[]> shmBytes = new LinkedHashMap<>();
        int nextShmid = 100;
        long nextAttach = 0x4000_0000L;
        /** Attachments over all processes: shmat and fork add, shmdt and exit take away. */
        int attachments;
        /** When non-zero, shmget with IPC_CREAT fails, or shmat fails, with this errno. */
        int shmgetErrno;
        int shmatErrno;
        /** This many storeDouble calls are lost, as an update made without the lock may be. */
        int lostDoubleStores;
        /** The file tree open, stat and the name-space calls work on. */
        final FakeFiles files = new FakeFiles();
        /** What standard input holds; reads of it return at most 5 bytes, to show callers read until end of file. */
        byte[] stdin = new byte[0];
        int stdinPos;
        /** When non-zero, reads of standard input fail with this errno. */
        int stdinErrno;
        /** The credentials every process of the fake machine has: real and effective user and group ids. */
        int uid;
        int euid;
        int gid;
        int egid;
        /** The time of day at boot, which stime(2) leaves behind: nanotime counts from it. */
        long booted;
        /** The supplementary groups getgroups(2) answers. */
        int[] groups = {};
        /** The environment every program of the fake machine was started with. */
        String[] environ = {};
        /** The dispositions signal(2) was asked to set, as "2:IGNORE". */
        final List<String> signals = new ArrayList<>();

        void stdin(String text) {
            stdin = text.getBytes(StandardCharsets.UTF_8);
            stdinPos = 0;
        }

        String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }

        /** A fresh process with pid 2, child of init. */
        FakeSys process() {
            return new FakeSys(this, nextPid++, 1);
        }
    }

    private final Machine m;
    private final int pid;
    private final int ppid;
    private final Map<Integer, Integer> zombies = new LinkedHashMap<>();
    private final List<Integer> children = new ArrayList<>();
    /** Attached segments: address to identifier. */
    private final Map<Long, Integer> attached = new LinkedHashMap<>();
    /** Descriptors above standard error: what each has open. */
    private final Map<Integer, OpenFile> fds = new LinkedHashMap<>();

    /** An open file: the node, the flags it was opened with, and the offset. */
    private static final class OpenFile {
        final FakeFiles.Node node;
        final int flags;
        long offset;

        OpenFile(FakeFiles.Node node, int flags) {
            this.node = node;
            this.flags = flags;
        }
    }
    private int errno;

    private FakeSys(Machine m, int pid, int ppid) {
        this.m = m;
        this.pid = pid;
        this.ppid = ppid;
    }

    private int fail(int e) {
        errno = e;
        return -1;
    }

    @Override
    public int errno() {
        return errno;
    }

    @Override
    public void errno(int value) {
        errno = value;
    }

    @Override
    public int fork(ProcessEntry child) {
        if (m.liveProcesses >= m.maxProcesses) return fail(Errno.EAGAIN);
        m.clock += m.forkCost;
        m.forks++;
        m.liveProcesses++;
        FakeSys c = new FakeSys(m, m.nextPid++, pid);
        children.add(c.pid);
        // shmop(2): "the child process inherits all attached shared memory segments".
        c.attached.putAll(attached);
        m.attachments += attached.size();
        int status;
        if (m.killChildWith != 0) {
            status = Wait.signaled(m.killChildWith, false);
        } else {
            status = Wait.exited(child.run(c));
        }
        // exit(2): "all attached shared memory segments are detached".
        m.attachments -= c.attached.size();
        c.attached.clear();
        zombies.put(c.pid, status);
        return c.pid;
    }

    @Override
    public int waitpid(int which, int[] status, int options) {
        if (which < -1 || which == 0) throw new AssertionError("process-group waits are not faked");
        if (children.isEmpty()) return fail(Errno.ECHILD);
        Integer reaped = null;
        if (which == -1) {
            if (!zombies.isEmpty()) reaped = zombies.keySet().iterator().next();
        } else {
            if (!children.contains(which)) return fail(Errno.ECHILD);
            if (zombies.containsKey(which)) reaped = which;
        }
        if (reaped == null) throw new AssertionError("a wait that would block forever");
        status[0] = zombies.remove(reaped);
        children.remove(reaped);
        // A zombie holds its process-table slot until it is reaped.
        m.liveProcesses--;
        return reaped;
    }

    @Override
    public int getpid() {
        return pid;
    }

    @Override
    public int getppid() {
        return ppid;
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        if (fd == Fcntl.STDOUT_FILENO) {
            if (m.stdoutErrno != 0) return fail(m.stdoutErrno);
            // Short writes of at most 7 bytes, to show that callers finish what they started.
            int n = Math.min(len, 7);
            m.stdout.write(buf, off, n);
            return n;
        }
        if (fd == Fcntl.STDERR_FILENO) {
            m.stderr.write(buf, off, len);
            return len;
        }
        OpenFile f = fds.get(fd);
        if (f == null || (f.flags & Fcntl.O_ACCMODE) == Fcntl.O_RDONLY) return fail(Errno.EBADF);
        if (f.node.type() == FileMode.S_IFCHR) return len;
        if (f.node.writeErrno != 0) return fail(f.node.writeErrno);
        if ((f.flags & Fcntl.O_APPEND) != 0) f.offset = f.node.size;
        f.node.append(buf, off, len, f.offset);
        f.offset += len;
        f.node.mtime = m.files.now;
        return len;
    }

    @Override
    public int kill(int target, int sig) {
        m.kills.add(target + ":" + sig);
        Integer e = m.killErrors.get(target);
        return e == null ? 0 : fail(e);
    }

    @Override
    public int sleep(int seconds) {
        m.sleeps.add(seconds);
        m.seconds += seconds;
        if (m.duringSleep != null) m.duringSleep.run();
        Integer left = m.unslept.poll();
        return left == null ? 0 : left;
    }

    @Override
    public void burn(long cycles) {
        m.clock += cycles;
    }

    @Override
    public long cycles() {
        return m.clock;
    }

    @Override
    public long time() {
        return m.seconds;
    }

    /** stime(2): the super-user sets the machine's seconds; EPERM for anyone else. */
    @Override
    public int stime(long seconds) {
        if (m.euid != 0) return fail(Errno.EPERM);
        m.seconds = seconds;
        return 0;
    }

    @Override
    public int msgget(long key, int msgflg) {
        if (msgflg != 0) throw unexpected();
        for (var e : m.queues.entrySet()) {
            if (e.getValue().perm().key() == key) return e.getKey();
        }
        return fail(Errno.ENOENT);
    }

    @Override
    public int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        if (cmd == IpcFlags.MSG_STAT) return stat(msqid, m.queues, buf);
        if (cmd == IpcFlags.IPC_RMID) return remove('q', msqid, m.queues);
        throw unexpected();
    }

    @Override
    public int semget(long key, int nsems, int semflg) {
        if (nsems != 0 || semflg != 0) throw unexpected();
        for (var e : m.semaphores.entrySet()) {
            if (e.getValue().perm().key() == key) return e.getKey();
        }
        return fail(Errno.ENOENT);
    }

    @Override
    public int semctl(int semid, int semnum, int cmd, int val) {
        if (cmd == IpcFlags.IPC_RMID) return remove('s', semid, m.semaphores);
        throw unexpected();
    }

    @Override
    public int semctl(int semid, int cmd, SemidDs[] buf) {
        if (cmd == IpcFlags.SEM_STAT) return stat(semid, m.semaphores, buf);
        throw unexpected();
    }

    @Override
    public int shmget(long key, long size, int shmflg) {
        if ((shmflg & IpcFlags.IPC_CREAT) == 0) {
            if (size != 0 || shmflg != 0) throw unexpected();
            for (var e : m.segments.entrySet()) {
                if (e.getValue().perm().key() == key) return e.getKey();
            }
            return fail(Errno.ENOENT);
        }
        if (key != IpcFlags.IPC_PRIVATE || size <= 0 || size > Integer.MAX_VALUE) throw unexpected();
        if (m.shmgetErrno != 0) return fail(m.shmgetErrno);
        int id = m.nextShmid++;
        m.segments.put(id, new ShmidDs(new IpcPerm(key, 0, 0, 0, 0, shmflg & 0777, 0), size, 0, pid, 0, 0, 0, 0));
        m.shmBytes.put(id, new byte[(int) size]);
        return id;
    }

    @Override
    public long shmat(int shmid, long addr, int shmflg) {
        if (addr != 0 || shmflg != 0) throw unexpected();
        if (m.shmatErrno != 0) return fail(m.shmatErrno);
        if (!m.segments.containsKey(shmid)) return fail(Errno.EINVAL);
        long at = m.nextAttach;
        m.nextAttach += (m.shmBytes.get(shmid).length + 0xfffL) & ~0xfffL;
        attached.put(at, shmid);
        m.attachments++;
        return at;
    }

    @Override
    public int shmdt(long addr) {
        if (attached.remove(addr) == null) return fail(Errno.EINVAL);
        m.attachments--;
        return 0;
    }

    @Override
    public int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        if (cmd == IpcFlags.SHM_STAT) return stat(shmid, m.segments, buf);
        if (cmd == IpcFlags.IPC_RMID) return remove('m', shmid, m.segments);
        throw unexpected();
    }

    /** The segment bytes behind {@code addr}, positioned there, for an access of {@code size}; SIGSEGV otherwise. */
    private ByteBuffer memory(long addr, int size) {
        for (var e : attached.entrySet()) {
            byte[] bytes = m.shmBytes.get(e.getValue());
            long off = addr - e.getKey();
            if (off >= 0 && off + size <= bytes.length) return ByteBuffer.wrap(bytes).position((int) off);
        }
        throw new AssertionError("SIGSEGV: no segment attached at 0x" + Long.toHexString(addr));
    }

    @Override
    public int load32(long addr) {
        return memory(addr, 4).getInt();
    }

    @Override
    public long load64(long addr) {
        return memory(addr, 8).getLong();
    }

    @Override
    public double loadDouble(long addr) {
        return memory(addr, 8).getDouble();
    }

    @Override
    public void store32(long addr, int value) {
        memory(addr, 4).putInt(value);
    }

    @Override
    public void store64(long addr, long value) {
        memory(addr, 8).putLong(value);
    }

    @Override
    public void storeDouble(long addr, double value) {
        ByteBuffer b = memory(addr, 8);
        if (m.lostDoubleStores > 0) {
            m.lostDoubleStores--;
            return;
        }
        b.putDouble(value);
    }

    /** *_STAT: the {@code index}th live object into {@code buf[0]}, returning its identifier; EINVAL past the last. */
    private <T> int stat(int index, Map<Integer, T> table, T[] buf) {
        Integer e = m.statErrors.get(index);
        if (e != null) return fail(e);
        int i = 0;
        for (var entry : table.entrySet()) {
            if (i++ == index) {
                buf[0] = entry.getValue();
                return entry.getKey();
            }
        }
        return fail(Errno.EINVAL);
    }

    private int remove(char kind, int id, Map<Integer, ?> table) {
        m.removals.add(kind + Integer.toString(id));
        Integer e = m.rmidErrors.get(id);
        if (e != null) return fail(e);
        return table.remove(id) == null ? fail(Errno.EINVAL) : 0;
    }

    // ---- files: the fake tree of Machine.files

    @Override
    public int open(String path, int flags, int mode) {
        FakeFiles t = m.files;
        int e = t.injected(path);
        if (e != 0) return fail(e);
        FakeFiles.Node n = t.lookup(path, true);
        if (n == null) {
            if (t.errno != Errno.ENOENT || (flags & Fcntl.O_CREAT) == 0) return fail(t.errno);
            FakeFiles.Node dir = t.parent(path);
            if (dir == null) return fail(t.errno);
            if (path.endsWith("/")) return fail(Errno.EISDIR);
            n = t.node(FileMode.S_IFREG | (mode & ~FakeFiles.UMASK & 07777));
            t.link(dir, FakeFiles.last(path), n);
        } else if ((flags & (Fcntl.O_CREAT | Fcntl.O_EXCL)) == (Fcntl.O_CREAT | Fcntl.O_EXCL)) {
            return fail(Errno.EEXIST);
        }
        if (n.type() == FileMode.S_IFDIR && (flags & Fcntl.O_ACCMODE) != Fcntl.O_RDONLY) return fail(Errno.EISDIR);
        if ((flags & Fcntl.O_TRUNC) != 0 && n.type() == FileMode.S_IFREG) n.size = 0;
        int fd = 3;
        while (fds.containsKey(fd)) fd++;
        fds.put(fd, new OpenFile(n, flags));
        return fd;
    }

    @Override
    public int close(int fd) {
        return fds.remove(fd) == null ? fail(Errno.EBADF) : 0;
    }

    @Override
    public int read(int fd, byte[] buf, int off, int len) {
        if (fd == Fcntl.STDIN_FILENO) {
            if (m.stdinErrno != 0) return fail(m.stdinErrno);
            int n = Math.min(Math.min(len, 5), m.stdin.length - m.stdinPos);
            System.arraycopy(m.stdin, m.stdinPos, buf, off, n);
            m.stdinPos += n;
            return n;
        }
        OpenFile f = fds.get(fd);
        if (f == null || (f.flags & Fcntl.O_ACCMODE) == Fcntl.O_WRONLY) return fail(Errno.EBADF);
        if (f.node.type() == FileMode.S_IFDIR) return fail(Errno.EISDIR);
        if (f.node.type() == FileMode.S_IFCHR) return 0;
        int n = (int) Math.max(0, Math.min(len, f.node.size - f.offset));
        System.arraycopy(f.node.data, (int) f.offset, buf, off, n);
        f.offset += n;
        return n;
    }

    @Override
    public Stat stat(String path) {
        return statOf(path, true);
    }

    @Override
    public Stat lstat(String path) {
        return statOf(path, false);
    }

    private Stat statOf(String path, boolean follow) {
        int e = m.files.injected(path);
        if (e != 0) {
            errno = e;
            return null;
        }
        FakeFiles.Node n = m.files.lookup(path, follow);
        if (n == null) errno = m.files.errno;
        return n == null ? null : n.stat();
    }

    @Override
    public Stat fstat(int fd) {
        OpenFile f = fds.get(fd);
        if (f == null) {
            errno = Errno.EBADF;
            return null;
        }
        return f.node.stat();
    }

    @Override
    public String readlink(String path) {
        FakeFiles.Node n = m.files.lookup(path, false);
        if (n == null) {
            errno = m.files.errno;
            return null;
        }
        if (n.type() != FileMode.S_IFLNK) {
            errno = Errno.EINVAL;
            return null;
        }
        return n.target;
    }

    @Override
    public int getdents(int fd, Dirent[] buf) {
        OpenFile f = fds.get(fd);
        if (f == null) return fail(Errno.EBADF);
        FakeFiles.Node d = f.node;
        if (d.type() != FileMode.S_IFDIR) return fail(Errno.ENOTDIR);
        List<Dirent> all = new ArrayList<>();
        all.add(new Dirent(d.ino, ".", FileMode.S_IFDIR));
        all.add(new Dirent(d.parent.ino, "..", FileMode.S_IFDIR));
        d.entries.forEach((name, n) -> all.add(new Dirent(n.ino, name, n.type())));
        int count = 0;
        while (count < buf.length && f.offset < all.size()) buf[count++] = all.get((int) f.offset++);
        return count;
    }

    @Override
    public int mkdir(String path, int mode) {
        FakeFiles t = m.files;
        int e = t.injected(path);
        if (e != 0) return fail(e);
        if (t.lookup(path, false) != null) return fail(Errno.EEXIST);
        FakeFiles.Node dir = t.parent(path);
        if (dir == null) return fail(t.errno);
        FakeFiles.Node n = t.node(FileMode.S_IFDIR | (mode & ~FakeFiles.UMASK & 07777));
        n.nlink = 1;
        t.link(dir, FakeFiles.last(path), n);
        dir.nlink++;
        return 0;
    }

    @Override
    public int rmdir(String path) {
        FakeFiles t = m.files;
        int e = t.injected(path);
        if (e != 0) return fail(e);
        FakeFiles.Node n = t.lookup(path, false);
        if (n == null) return fail(t.errno);
        if (n.type() != FileMode.S_IFDIR) return fail(Errno.ENOTDIR);
        if (n == t.root) return fail(Errno.EBUSY);
        if (!n.entries.isEmpty()) return fail(Errno.ENOTEMPTY);
        FakeFiles.Node dir = t.parent(path);
        dir.entries.remove(FakeFiles.last(path));
        dir.nlink--;
        n.nlink = 0;
        return 0;
    }

    @Override
    public int unlink(String path) {
        FakeFiles t = m.files;
        int e = t.injected(path);
        if (e != 0) return fail(e);
        FakeFiles.Node n = t.lookup(path, false);
        if (n == null) return fail(t.errno);
        // unlink(2): "EPERM The named file is a directory and the effective user ID of the process is not super-user."
        if (n.type() == FileMode.S_IFDIR) return fail(Errno.EPERM);
        t.parent(path).entries.remove(FakeFiles.last(path));
        n.nlink--;
        return 0;
    }

    @Override
    public int link(String existing, String newPath) {
        FakeFiles t = m.files;
        FakeFiles.Node n = t.lookup(existing, true);
        if (n == null) return fail(t.errno);
        if (n.type() == FileMode.S_IFDIR) return fail(Errno.EPERM);
        return enter(newPath, n);
    }

    @Override
    public int symlink(String target, String path) {
        FakeFiles.Node n = m.files.node(FileMode.S_IFLNK | 0777);
        n.target = target;
        return enter(path, n);
    }

    /** Gives {@code n} the name {@code path}, which must not exist yet. */
    private int enter(String path, FakeFiles.Node n) {
        FakeFiles t = m.files;
        int e = t.injected(path);
        if (e != 0) return fail(e);
        if (t.lookup(path, false) != null) return fail(Errno.EEXIST);
        FakeFiles.Node dir = t.parent(path);
        if (dir == null) return fail(t.errno);
        t.link(dir, FakeFiles.last(path), n);
        return 0;
    }

    @Override
    public int umask(int mask) {
        return FakeFiles.UMASK;
    }

    @Override
    public SignalHandler signal(int sig, SignalHandler handler) {
        m.signals.add(sig + ":" + (handler == SignalHandler.IGNORE ? "IGNORE"
                : handler == SignalHandler.DEFAULT ? "DEFAULT" : "CATCH"));
        return SignalHandler.DEFAULT;
    }

    @Override
    public int getuid() {
        return m.uid;
    }

    @Override
    public int geteuid() {
        return m.euid;
    }

    @Override
    public int getgid() {
        return m.gid;
    }

    @Override
    public int getegid() {
        return m.egid;
    }

    @Override
    public String[] environ() {
        return m.environ.clone();
    }

    // ---- calls the programs under test never make

    private static AssertionError unexpected() {
        return new AssertionError("a call the program should not make");
    }

    @Override public int execve(String path, String[] argv, String[] envp) { throw unexpected(); }
    @Override public void exit(int status) { throw unexpected(); }
    @Override public int setpgid(int p, int pgid) { throw unexpected(); }
    @Override public int getpgrp() { throw unexpected(); }
    @Override public int getpgid(int p) { throw unexpected(); }
    @Override public int setsid() { throw unexpected(); }
    @Override public int getsid(int p) { throw unexpected(); }
    @Override public int setuid(int uid) { throw unexpected(); }
    @Override public int setgid(int gid) { throw unexpected(); }
    @Override public int setreuid(int ruid, int euid) { throw unexpected(); }
    @Override public int setregid(int rgid, int egid) { throw unexpected(); }
    @Override public int setgroups(int ngroups, int[] grouplist) { throw unexpected(); }

    @Override
    public int getgroups(int gidsetsize, int[] grouplist) {
        if (gidsetsize == 0) return m.groups.length;
        if (gidsetsize < m.groups.length) return fail(Errno.EINVAL);
        System.arraycopy(m.groups, 0, grouplist, 0, m.groups.length);
        return m.groups.length;
    }
    @Override public int sigaction(int sig, Sigaction act, Sigaction[] old) { throw unexpected(); }
    @Override public int sigprocmask(int how, int set, int[] old) { throw unexpected(); }
    @Override public int sigpending() { throw unexpected(); }
    @Override public int pause() { throw unexpected(); }
    @Override public int alarm(int seconds) { throw unexpected(); }
    @Override public int nanosleep(long nanoseconds) { throw unexpected(); }
    @Override public long read(int fd, long addr, long len) { throw unexpected(); }
    @Override public long write(int fd, long addr, long len) { throw unexpected(); }
    @Override public long lseek(int fd, long offset, int whence) { throw unexpected(); }
    @Override public int dup(int fd) { throw unexpected(); }
    @Override public int dup2(int fd, int fd2) { throw unexpected(); }
    @Override public int fcntl(int fd, int cmd, int arg) { throw unexpected(); }
    @Override public int pipe(int[] fds) { throw unexpected(); }
    @Override public int chdir(String path) { throw unexpected(); }
    @Override public String getcwd() { throw unexpected(); }
    @Override public long sbrk(long increment) { throw unexpected(); }
    @Override public int brk(long addr) { throw unexpected(); }
    @Override public byte load8(long addr) { throw unexpected(); }
    @Override public short load16(long addr) { throw unexpected(); }
    @Override public void store8(long addr, byte value) { throw unexpected(); }
    @Override public void store16(long addr, short value) { throw unexpected(); }
    /** The monotonic clock: the seconds since the machine's time of day was {@code booted}. */
    @Override
    public long nanotime() {
        return (m.seconds - m.booted) * 1_000_000_000L;
    }
    @Override public int sched_yield() { throw unexpected(); }
    @Override public int nice(int incr) { throw unexpected(); }
    @Override public int getpriority(int which, int who) { throw unexpected(); }
    @Override public int setpriority(int which, int who, int prio) { throw unexpected(); }
    @Override public long sysconf(int name) { throw unexpected(); }
    @Override public int vfork(ProcessEntry child) { throw unexpected(); }
    @Override public long mmap(long addr, long len, int prot, int flags, int fd, long off) { throw unexpected(); }
    @Override public int munmap(long addr, long len) { throw unexpected(); }
    @Override public int msync(long addr, long len, int flags) { throw unexpected(); }
    @Override public int mprotect(long addr, long len, int prot) { throw unexpected(); }
    @Override public int sched_setaffinity(int pid, long mask) { throw unexpected(); }
    @Override public long sched_getaffinity(int pid) { throw unexpected(); }
    @Override public int priocntl(int pid, String schedClass, int priority) { throw unexpected(); }
    @Override public long prctl(int option, long arg) { throw unexpected(); }
    @Override public int sproc(sprocket.api.sys.SprocEntry e, int inh, long arg) { throw unexpected(); }
    @Override public int sprocsp(sprocket.api.sys.SprocEntry e, int inh, long arg, long sp, long len) { throw unexpected(); }
    @Override public long stackPointer() { throw unexpected(); }
    @Override public int clone(ProcessEntry fn, long childStack, int flags) { throw unexpected(); }
    @Override public int blockproc(int pid) { throw unexpected(); }
    @Override public int unblockproc(int pid) { throw unexpected(); }
    @Override public int setblockproccnt(int pid, int count) { throw unexpected(); }
    @Override public int blockprocall(int pid) { throw unexpected(); }
    @Override public int unblockprocall(int pid) { throw unexpected(); }
    @Override public int setblockproccntall(int pid, int count) { throw unexpected(); }
    @Override public int test_and_set(long addr, int value) { throw unexpected(); }
    @Override public void lock_release(long addr) { throw unexpected(); }
    @Override public sprocket.api.sys.UserCpu cpu() { return this; }
    @Override public Rusage getrusage(int who) { throw unexpected(); }
    @Override public int semop(int semid, Sembuf[] sops) { throw unexpected(); }
    @Override public int semctl(int semid, int cmd, int[] values) { throw unexpected(); }
    @Override public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) { throw unexpected(); }
    @Override public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) { throw unexpected(); }
    @Override public int rename(String from, String to) { throw unexpected(); }
    @Override public int chmod(String path, int mode) { throw unexpected(); }
    @Override public int chown(String path, int owner, int group) { throw unexpected(); }
    @Override public int lchown(String path, int owner, int group) { throw unexpected(); }
    @Override public sprocket.api.sys.Statvfs statvfs(String path) { throw unexpected(); }
    @Override public int utime(String path, long[] times) { throw unexpected(); }
    @Override public int access(String path, int amode) { throw unexpected(); }
    @Override public int fchdir(int fd) { throw unexpected(); }
    @Override public int chroot(String path) { throw unexpected(); }
    @Override public int mount(String source, String target, String fstype, int flags) { throw unexpected(); }
    @Override public int umount(String target) { throw unexpected(); }
    @Override public int fcntl(int fd, int cmd, sprocket.api.sys.Flock[] lock) { throw unexpected(); }
    @Override public int getrlimit(int resource, sprocket.api.sys.Rlimit[] out) { throw unexpected(); }
    @Override public int setrlimit(int resource, sprocket.api.sys.Rlimit limit) { throw unexpected(); }
    @Override public long ulimit(int cmd, long newlimit) { throw unexpected(); }
    @Override public int mkfifo(String path, int mode) { throw unexpected(); }
    @Override public int socket(int domain, int type, int protocol) { throw unexpected(); }
    @Override public int socketpair(int domain, int type, int protocol, int[] sv) { throw unexpected(); }
    @Override public int bind(int s, sprocket.api.sys.SockAddr name) { throw unexpected(); }
    @Override public int listen(int s, int backlog) { throw unexpected(); }
    @Override public int accept(int s, sprocket.api.sys.SockAddr[] addr) { throw unexpected(); }
    @Override public int connect(int s, sprocket.api.sys.SockAddr name) { throw unexpected(); }
    @Override public int sendto(int s, byte[] b, int off, int len, int flags, sprocket.api.sys.SockAddr to) { throw unexpected(); }
    @Override public int recvfrom(int s, byte[] b, int off, int len, int flags, sprocket.api.sys.SockAddr[] from) { throw unexpected(); }
    @Override public int sendmsg(int s, sprocket.api.sys.Msghdr msg, int flags) { throw unexpected(); }
    @Override public int recvmsg(int s, sprocket.api.sys.Msghdr msg, int flags) { throw unexpected(); }
    @Override public int shutdown(int s, int how) { throw unexpected(); }
    @Override public int getsockname(int s, sprocket.api.sys.SockAddr[] name) { throw unexpected(); }
    @Override public int getpeername(int s, sprocket.api.sys.SockAddr[] name) { throw unexpected(); }
    // No descriptor of a fake process is a terminal.
    @Override public int ioctl(int fd, int request, Object arg) { return fail(Errno.ENOTTY); }
    @Override public int tcgetattr(int fd, sprocket.api.sys.Termios[] t) { return fail(Errno.ENOTTY); }
    @Override public int tcsetattr(int fd, int actions, sprocket.api.sys.Termios t) { return fail(Errno.ENOTTY); }
    @Override public int tcgetpgrp(int fd) { return fail(Errno.ENOTTY); }
    @Override public int tcsetpgrp(int fd, int pgrp) { return fail(Errno.ENOTTY); }
    @Override public int tcgetsid(int fd) { return fail(Errno.ENOTTY); }
    @Override public int tcflush(int fd, int queue) { return fail(Errno.ENOTTY); }
    @Override public int tcdrain(int fd) { return fail(Errno.ENOTTY); }
    @Override public int tcflow(int fd, int action) { return fail(Errno.ENOTTY); }
}
