package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.SyscallTable.*;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SprocEntry;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Statvfs;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Termios;
import sprocket.api.sys.UserCpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;

/**
 * The system call stubs, as a C library's are: each puts its arguments in the calling process's trap frame and
 * traps with its entry of {@link SyscallTable}; the few routines that need no kernel (errno, the environment, the
 * clock page) read the process's own state. One instance serves every process: a call acts for whichever process
 * makes it.
 */
@Singleton
public final class SysImpl implements Sys {
    private final Trap trap;
    private final Engine engine;
    private final UserCpuImpl cpu;
    private final long clockHz;

    @Inject
    SysImpl(Trap trap, Engine engine, UserCpuImpl cpu, Machine machine) {
        this.trap = trap;
        this.engine = engine;
        this.cpu = cpu;
        this.clockHz = machine.description().clockHz();
    }

    /**
     * The process making a call: the running one; one that is being torn down unwinds instead. The engine is held
     * here rather than reached through the trap: each dependent load on the way to the process shows in every call.
     */
    private Proc caller() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("a system call was made outside a simulated process");
        Proc p = (Proc) t;
        if (p.attention() != 0 && p.exiting()) throw ProcessExit.INSTANCE;
        return p;
    }

    private int call(Proc p, Sysent e) {
        return (int) trap.syscall(p, e);
    }

    /** A call that answers an object (null on failure, errno set). */
    @SuppressWarnings("unchecked")
    private <T> T object(Proc p, Sysent e) {
        long r = trap.syscall(p, e);
        Object v = p.frame.rv;
        p.frame.rv = null;
        return r < 0 ? null : (T) v;
    }

    @Override
    public UserCpu cpu() {
        return cpu;
    }

    @Override
    public int errno() {
        return caller().errno;
    }

    @Override
    public void errno(int value) {
        caller().errno = value;
    }

    // ---- processes

    @Override
    public int fork(ProcessEntry child) {
        Proc p = caller();
        p.frame.o(child);
        return call(p, FORK);
    }

    @Override
    public int vfork(ProcessEntry child) {
        Proc p = caller();
        p.frame.o(child);
        return call(p, VFORK);
    }

    @Override
    public int execve(String path, String[] argv, String[] envp) {
        Proc p = caller();
        p.frame.o(path, argv, envp);
        return call(p, EXECVE);
    }

    @Override
    public String[] environ() {
        return caller().envp.clone();
    }

    @Override
    public void exit(int status) {
        Proc p = caller();
        p.frame.a(status);
        call(p, EXIT);
    }

    @Override
    public int waitpid(int pid, int[] status, int options) {
        Proc p = caller();
        p.frame.a(pid, options).o(status);
        return call(p, WAITPID);
    }

    @Override
    public int getpid() {
        return call(caller(), GETPID);
    }

    @Override
    public int getppid() {
        return call(caller(), GETPPID);
    }

    @Override
    public int setpgid(int pid, int pgid) {
        Proc p = caller();
        p.frame.a(pid, pgid);
        return call(p, SETPGID);
    }

    @Override
    public int getpgrp() {
        return call(caller(), GETPGRP);
    }

    @Override
    public int getpgid(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, GETPGID);
    }

    @Override
    public int setsid() {
        return call(caller(), SETSID);
    }

    @Override
    public int getsid(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, GETSID);
    }

    @Override
    public int getuid() {
        return call(caller(), GETUID);
    }

    @Override
    public int geteuid() {
        return call(caller(), GETEUID);
    }

    @Override
    public int getgid() {
        return call(caller(), GETGID);
    }

    @Override
    public int getegid() {
        return call(caller(), GETEGID);
    }

    @Override
    public int setuid(int uid) {
        Proc p = caller();
        p.frame.a(uid);
        return call(p, SETUID);
    }

    @Override
    public int setgid(int gid) {
        Proc p = caller();
        p.frame.a(gid);
        return call(p, SETGID);
    }

    @Override
    public int setreuid(int ruid, int euid) {
        Proc p = caller();
        p.frame.a(ruid, euid);
        return call(p, SETREUID);
    }

    @Override
    public int setregid(int rgid, int egid) {
        Proc p = caller();
        p.frame.a(rgid, egid);
        return call(p, SETREGID);
    }

    @Override
    public int getgroups(int gidsetsize, int[] grouplist) {
        Proc p = caller();
        p.frame.a(gidsetsize).o(grouplist);
        return call(p, GETGROUPS);
    }

    @Override
    public int setgroups(int ngroups, int[] grouplist) {
        Proc p = caller();
        p.frame.a(ngroups).o(grouplist == null ? null : grouplist.clone());
        return call(p, SETGROUPS);
    }

    @Override
    public int getrlimit(int resource, Rlimit[] out) {
        Proc p = caller();
        p.frame.a(resource).o(out);
        return call(p, GETRLIMIT);
    }

    @Override
    public int setrlimit(int resource, Rlimit limit) {
        Proc p = caller();
        p.frame.a(resource).o(limit);
        return call(p, SETRLIMIT);
    }

    @Override
    public long ulimit(int cmd, long newlimit) {
        Proc p = caller();
        p.frame.a(cmd, newlimit);
        return trap.syscall(p, ULIMIT);
    }

    // ---- signals

    @Override
    public int kill(int pid, int sig) {
        Proc p = caller();
        p.frame.a(pid, sig);
        return call(p, KILL);
    }

    /** signal(2), as the C library makes it of sigaction(2). */
    @Override
    public SignalHandler signal(int sig, SignalHandler handler) {
        Sigaction[] old = new Sigaction[1];
        if (sigaction(sig, Sigaction.of(handler), old) < 0) return null;
        return old[0].handler();
    }

    @Override
    public int sigaction(int sig, Sigaction act, Sigaction[] old) {
        Proc p = caller();
        p.frame.a(sig).o(act, old);
        return call(p, SIGACTION);
    }

    @Override
    public int sigprocmask(int how, int set, int[] old) {
        Proc p = caller();
        p.frame.a(how, set).o(old);
        return call(p, SIGPROCMASK);
    }

    @Override
    public int sigpending() {
        return call(caller(), SIGPENDING);
    }

    @Override
    public int pause() {
        return call(caller(), PAUSE);
    }

    @Override
    public int alarm(int seconds) {
        Proc p = caller();
        p.frame.a(seconds);
        return call(p, ALARM);
    }

    /** sleep(3C): nothing to sleep is done without entering the kernel, as the C library does it. */
    @Override
    public int sleep(int seconds) {
        if (seconds <= 0) return 0;
        Proc p = caller();
        p.frame.a(seconds);
        return call(p, SLEEP);
    }

    @Override
    public int nanosleep(long nanoseconds) {
        Proc p = caller();
        p.frame.a(nanoseconds);
        return call(p, NANOSLEEP);
    }

    // ---- files and descriptors

    @Override
    public int open(String path, int flags, int mode) {
        Proc p = caller();
        p.frame.a(flags, mode).o(path);
        return call(p, OPEN);
    }

    @Override
    public int close(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, CLOSE);
    }

    @Override
    public int read(int fd, byte[] buf, int off, int len) {
        Proc p = caller();
        p.frame.a(fd, off, len).o(buf);
        return call(p, READ);
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        Proc p = caller();
        p.frame.a(fd, off, len).o(buf);
        return call(p, WRITE);
    }

    @Override
    public long read(int fd, long addr, long len) {
        Proc p = caller();
        p.frame.a(fd, addr, len);
        return trap.syscall(p, READ_MEMORY);
    }

    @Override
    public long write(int fd, long addr, long len) {
        Proc p = caller();
        p.frame.a(fd, addr, len);
        return trap.syscall(p, WRITE_MEMORY);
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        Proc p = caller();
        p.frame.a(fd, offset, whence);
        return trap.syscall(p, LSEEK);
    }

    @Override
    public int dup(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, DUP);
    }

    @Override
    public int dup2(int fd, int fd2) {
        Proc p = caller();
        p.frame.a(fd, fd2);
        return call(p, DUP2);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        Proc p = caller();
        p.frame.a(fd, cmd, arg);
        return call(p, FCNTL);
    }

    @Override
    public int fcntl(int fd, int cmd, Flock[] lock) {
        Proc p = caller();
        p.frame.a(fd, cmd).o(lock);
        return call(p, FCNTL_LOCK);
    }

    @Override
    public int pipe(int[] fds) {
        Proc p = caller();
        p.frame.o(fds);
        return call(p, PIPE);
    }

    @Override
    public Statvfs statvfs(String path) {
        Proc p = caller();
        p.frame.o(path);
        return object(p, STATVFS);
    }

    @Override
    public Stat stat(String path) {
        Proc p = caller();
        p.frame.o(path);
        return object(p, STAT);
    }

    @Override
    public Stat fstat(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return object(p, FSTAT);
    }

    @Override
    public Stat lstat(String path) {
        Proc p = caller();
        p.frame.o(path);
        return object(p, LSTAT);
    }

    @Override
    public int mkdir(String path, int mode) {
        Proc p = caller();
        p.frame.a(mode).o(path);
        return call(p, MKDIR);
    }

    @Override
    public int rmdir(String path) {
        Proc p = caller();
        p.frame.o(path);
        return call(p, RMDIR);
    }

    @Override
    public int unlink(String path) {
        Proc p = caller();
        p.frame.o(path);
        return call(p, UNLINK);
    }

    @Override
    public int chdir(String path) {
        Proc p = caller();
        p.frame.o(path);
        return call(p, CHDIR);
    }

    @Override
    public int fchdir(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, FCHDIR);
    }

    @Override
    public String getcwd() {
        return object(caller(), GETCWD);
    }

    @Override
    public int getdents(int fd, Dirent[] buf) {
        Proc p = caller();
        p.frame.a(fd).o(buf);
        return call(p, GETDENTS);
    }

    @Override
    public int umask(int mask) {
        Proc p = caller();
        p.frame.a(mask);
        return call(p, UMASK);
    }

    // ---- the name space

    @Override
    public int mkfifo(String path, int mode) {
        Proc p = caller();
        p.frame.a(mode).o(path);
        return call(p, MKFIFO);
    }

    @Override
    public int link(String existing, String newPath) {
        Proc p = caller();
        p.frame.o(existing, newPath);
        return call(p, LINK);
    }

    @Override
    public int symlink(String target, String path) {
        Proc p = caller();
        p.frame.o(target, path);
        return call(p, SYMLINK);
    }

    @Override
    public String readlink(String path) {
        Proc p = caller();
        p.frame.o(path);
        return object(p, READLINK);
    }

    @Override
    public int rename(String from, String to) {
        Proc p = caller();
        p.frame.o(from, to);
        return call(p, RENAME);
    }

    @Override
    public int chmod(String path, int mode) {
        Proc p = caller();
        p.frame.a(mode).o(path);
        return call(p, CHMOD);
    }

    @Override
    public int chown(String path, int owner, int group) {
        Proc p = caller();
        p.frame.a(owner, group).o(path);
        return call(p, CHOWN);
    }

    @Override
    public int lchown(String path, int owner, int group) {
        Proc p = caller();
        p.frame.a(owner, group).o(path);
        return call(p, LCHOWN);
    }

    @Override
    public int utime(String path, long[] times) {
        Proc p = caller();
        p.frame.o(path, times);
        return call(p, UTIME);
    }

    @Override
    public int access(String path, int amode) {
        Proc p = caller();
        p.frame.a(amode).o(path);
        return call(p, ACCESS);
    }

    @Override
    public int chroot(String path) {
        Proc p = caller();
        p.frame.o(path);
        return call(p, CHROOT);
    }

    @Override
    public int mount(String source, String target, String fstype, int flags) {
        Proc p = caller();
        p.frame.a(flags).o(source, target, fstype);
        return call(p, MOUNT);
    }

    @Override
    public int umount(String target) {
        Proc p = caller();
        p.frame.o(target);
        return call(p, UMOUNT);
    }

    // ---- memory

    @Override
    public long sbrk(long increment) {
        Proc p = caller();
        p.frame.a(increment);
        return trap.syscall(p, SBRK);
    }

    @Override
    public int brk(long addr) {
        Proc p = caller();
        p.frame.a(addr);
        return call(p, BRK);
    }

    @Override
    public long mmap(long addr, long len, int prot, int flags, int fd, long off) {
        Proc p = caller();
        p.frame.a(addr, len, prot, flags, fd, off);
        return trap.syscall(p, MMAP);
    }

    @Override
    public int munmap(long addr, long len) {
        Proc p = caller();
        p.frame.a(addr, len);
        return call(p, MUNMAP);
    }

    @Override
    public int msync(long addr, long len, int flags) {
        Proc p = caller();
        p.frame.a(addr, len, flags);
        return call(p, MSYNC);
    }

    @Override
    public int mprotect(long addr, long len, int prot) {
        Proc p = caller();
        p.frame.a(addr, len, prot);
        return call(p, MPROTECT);
    }

    // ---- System V IPC

    @Override
    public int semget(long key, int nsems, int semflg) {
        Proc p = caller();
        p.frame.a(key, nsems, semflg);
        return call(p, SEMGET);
    }

    @Override
    public int semop(int semid, Sembuf[] sops) {
        Proc p = caller();
        p.frame.a(semid).o(sops);
        return call(p, SEMOP);
    }

    @Override
    public int semctl(int semid, int semnum, int cmd, int val) {
        Proc p = caller();
        p.frame.a(semid, semnum, cmd, val);
        return call(p, SEMCTL);
    }

    @Override
    public int semctl(int semid, int cmd, int[] values) {
        Proc p = caller();
        p.frame.a(semid, cmd).o(values);
        return call(p, SEMCTL_ALL);
    }

    @Override
    public int semctl(int semid, int cmd, SemidDs[] buf) {
        Proc p = caller();
        p.frame.a(semid, cmd).o(buf);
        return call(p, SEMCTL_DS);
    }

    @Override
    public int shmget(long key, long size, int shmflg) {
        Proc p = caller();
        p.frame.a(key, size, shmflg);
        return call(p, SHMGET);
    }

    @Override
    public long shmat(int shmid, long addr, int shmflg) {
        Proc p = caller();
        p.frame.a(shmid, addr, shmflg);
        return trap.syscall(p, SHMAT);
    }

    @Override
    public int shmdt(long addr) {
        Proc p = caller();
        p.frame.a(addr);
        return call(p, SHMDT);
    }

    @Override
    public int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        Proc p = caller();
        p.frame.a(shmid, cmd).o(buf);
        return call(p, SHMCTL);
    }

    @Override
    public int msgget(long key, int msgflg) {
        Proc p = caller();
        p.frame.a(key, msgflg);
        return call(p, MSGGET);
    }

    @Override
    public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        Proc p = caller();
        p.frame.a(msqid, mtype, len, msgflg).o(text);
        return call(p, MSGSND);
    }

    @Override
    public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        Proc p = caller();
        p.frame.a(msqid, maxlen, msgtyp, msgflg).o(mtype, buf);
        return call(p, MSGRCV);
    }

    @Override
    public int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        Proc p = caller();
        p.frame.a(msqid, cmd).o(buf);
        return call(p, MSGCTL);
    }

    // ---- time and scheduling

    /** clock_gettime(CLOCK_MONOTONIC), read from the clock the kernel shares with user space (no trap). */
    @Override
    public long nanotime() {
        long now = caller().cpu().now;
        return now / clockHz * 1_000_000_000L + (now % clockHz) * 1_000_000_000L / clockHz;
    }

    @Override
    public long time() {
        return trap.syscall(caller(), TIME);
    }

    @Override
    public int stime(long seconds) {
        Proc p = caller();
        p.frame.a(seconds);
        return call(p, STIME);
    }

    @Override
    public int sched_yield() {
        return call(caller(), SCHED_YIELD);
    }

    @Override
    public int nice(int incr) {
        Proc p = caller();
        p.frame.a(incr);
        return call(p, NICE);
    }

    @Override
    public int getpriority(int which, int who) {
        Proc p = caller();
        p.frame.a(which, who);
        return call(p, GETPRIORITY);
    }

    @Override
    public int setpriority(int which, int who, int prio) {
        Proc p = caller();
        p.frame.a(which, who, prio);
        return call(p, SETPRIORITY);
    }

    @Override
    public int sched_setaffinity(int pid, long mask) {
        Proc p = caller();
        p.frame.a(pid, mask);
        return call(p, SCHED_SETAFFINITY);
    }

    @Override
    public long sched_getaffinity(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return trap.syscall(p, SCHED_GETAFFINITY);
    }

    @Override
    public int priocntl(int pid, String schedClass, int priority) {
        Proc p = caller();
        p.frame.a(pid, priority).o(schedClass);
        return call(p, PRIOCNTL);
    }

    @Override
    public Rusage getrusage(int who) {
        Proc p = caller();
        p.frame.a(who);
        return object(p, GETRUSAGE);
    }

    @Override
    public long sysconf(int name) {
        Proc p = caller();
        p.frame.a(name);
        return trap.syscall(p, SYSCONF);
    }

    // ---- share groups and clone

    @Override
    public long prctl(int option, long arg) {
        Proc p = caller();
        p.frame.a(option, arg);
        return trap.syscall(p, PRCTL);
    }

    @Override
    public int sproc(SprocEntry entry, int inh, long arg) {
        Proc p = caller();
        p.frame.a(inh, arg).o(entry);
        return call(p, SPROC);
    }

    @Override
    public int sprocsp(SprocEntry entry, int inh, long arg, long sp, long len) {
        Proc p = caller();
        p.frame.a(inh, arg, sp, len).o(entry);
        return call(p, SPROCSP);
    }

    @Override
    public int clone(ProcessEntry fn, long childStack, int flags) {
        Proc p = caller();
        p.frame.a(childStack, flags).o(fn);
        return call(p, CLONE);
    }

    @Override
    public int blockproc(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, BLOCKPROC);
    }

    @Override
    public int unblockproc(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, UNBLOCKPROC);
    }

    @Override
    public int setblockproccnt(int pid, int count) {
        Proc p = caller();
        p.frame.a(pid, count);
        return call(p, SETBLOCKPROCCNT);
    }

    @Override
    public int blockprocall(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, BLOCKPROCALL);
    }

    @Override
    public int unblockprocall(int pid) {
        Proc p = caller();
        p.frame.a(pid);
        return call(p, UNBLOCKPROCALL);
    }

    @Override
    public int setblockproccntall(int pid, int count) {
        Proc p = caller();
        p.frame.a(pid, count);
        return call(p, SETBLOCKPROCCNTALL);
    }

    // ---- sockets

    @Override
    public int socket(int domain, int type, int protocol) {
        Proc p = caller();
        p.frame.a(domain, type, protocol);
        return call(p, SOCKET);
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        Proc p = caller();
        p.frame.a(domain, type, protocol).o(sv);
        return call(p, SOCKETPAIR);
    }

    @Override
    public int bind(int s, SockAddr name) {
        Proc p = caller();
        p.frame.a(s).o(name);
        return call(p, BIND);
    }

    @Override
    public int listen(int s, int backlog) {
        Proc p = caller();
        p.frame.a(s, backlog);
        return call(p, LISTEN);
    }

    @Override
    public int accept(int s, SockAddr[] addr) {
        Proc p = caller();
        p.frame.a(s).o(addr);
        return call(p, ACCEPT);
    }

    @Override
    public int connect(int s, SockAddr name) {
        Proc p = caller();
        p.frame.a(s).o(name);
        return call(p, CONNECT);
    }

    @Override
    public int sendto(int s, byte[] buf, int off, int len, int flags, SockAddr to) {
        Proc p = caller();
        p.frame.a(s, off, len, flags).o(buf, to);
        return call(p, SENDTO);
    }

    @Override
    public int recvfrom(int s, byte[] buf, int off, int len, int flags, SockAddr[] from) {
        Proc p = caller();
        p.frame.a(s, off, len, flags).o(buf, from);
        return call(p, RECVFROM);
    }

    @Override
    public int sendmsg(int s, Msghdr msg, int flags) {
        Proc p = caller();
        p.frame.a(s, flags).o(msg);
        return call(p, SENDMSG);
    }

    @Override
    public int recvmsg(int s, Msghdr msg, int flags) {
        Proc p = caller();
        p.frame.a(s, flags).o(msg);
        return call(p, RECVMSG);
    }

    @Override
    public int shutdown(int s, int how) {
        Proc p = caller();
        p.frame.a(s, how);
        return call(p, SHUTDOWN);
    }

    @Override
    public int getsockname(int s, SockAddr[] name) {
        Proc p = caller();
        p.frame.a(s).o(name);
        return call(p, GETSOCKNAME);
    }

    @Override
    public int getpeername(int s, SockAddr[] name) {
        Proc p = caller();
        p.frame.a(s).o(name);
        return call(p, GETPEERNAME);
    }

    // ---- terminals

    @Override
    public int ioctl(int fd, int request, Object arg) {
        Proc p = caller();
        p.frame.a(fd, request).o(arg);
        return call(p, IOCTL);
    }

    @Override
    public int tcgetattr(int fd, Termios[] t) {
        Proc p = caller();
        p.frame.a(fd).o(t);
        return call(p, TCGETATTR);
    }

    @Override
    public int tcsetattr(int fd, int actions, Termios t) {
        Proc p = caller();
        p.frame.a(fd, actions).o(t);
        return call(p, TCSETATTR);
    }

    @Override
    public int tcgetpgrp(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, TCGETPGRP);
    }

    @Override
    public int tcsetpgrp(int fd, int pgrp) {
        Proc p = caller();
        p.frame.a(fd, pgrp);
        return call(p, TCSETPGRP);
    }

    @Override
    public int tcgetsid(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, TCGETSID);
    }

    @Override
    public int tcflush(int fd, int queue) {
        Proc p = caller();
        p.frame.a(fd, queue);
        return call(p, TCFLUSH);
    }

    @Override
    public int tcdrain(int fd) {
        Proc p = caller();
        p.frame.a(fd);
        return call(p, TCDRAIN);
    }

    @Override
    public int tcflow(int fd, int action) {
        Proc p = caller();
        p.frame.a(fd, action);
        return call(p, TCFLOW);
    }
}
