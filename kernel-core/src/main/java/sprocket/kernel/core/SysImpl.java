package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Stat;
import sprocket.api.sys.SprocEntry;
import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;

/**
 * The system call table: every call a program makes, routed to the part of the kernel that does it, as a Unix
 * kernel's sysent routes them. Each call acts for the running process, whichever {@code Sys} reference made it.
 */
@Singleton
final class SysImpl implements Sys {
    private final ProcessCalls processes;
    private final SignalCalls signals;
    private final FileCalls files;
    private final MemoryCalls memory;
    private final CpuCalls cpu;
    private final IpcCalls ipc;
    private final NameCalls names;
    private final ShareCalls shares;
    private final UserCpu user;

    @Inject
    SysImpl(ProcessCalls processes, SignalCalls signals, FileCalls files, MemoryCalls memory, CpuCalls cpu,
            IpcCalls ipc, NameCalls names, ShareCalls shares, UserCpuImpl user) {
        this.user = user;
        this.shares = shares;
        this.processes = processes;
        this.signals = signals;
        this.files = files;
        this.memory = memory;
        this.cpu = cpu;
        this.ipc = ipc;
        this.names = names;
    }

    @Override
    public UserCpu cpu() {
        return user;
    }

    @Override
    public int errno() {
        return cpu.errno();
    }

    @Override
    public void errno(int value) {
        cpu.errno(value);
    }

    @Override
    public int fork(ProcessEntry child) {
        return processes.fork(child);
    }

    @Override
    public int execve(String path, String[] argv, String[] envp) {
        return processes.execve(path, argv, envp);
    }

    @Override
    public String[] environ() {
        return processes.environ();
    }

    @Override
    public void exit(int status) {
        processes.exit(status);
    }

    @Override
    public int waitpid(int pid, int[] status, int options) {
        return processes.waitpid(pid, status, options);
    }

    @Override
    public int getpid() {
        return processes.getpid();
    }

    @Override
    public int getppid() {
        return processes.getppid();
    }

    @Override
    public int setpgid(int pid, int pgid) {
        return processes.setpgid(pid, pgid);
    }

    @Override
    public int getpgrp() {
        return processes.getpgrp();
    }

    @Override
    public int getpgid(int pid) {
        return processes.getpgid(pid);
    }

    @Override
    public int setsid() {
        return processes.setsid();
    }

    @Override
    public int getsid(int pid) {
        return processes.getsid(pid);
    }

    @Override
    public int getuid() {
        return processes.getuid();
    }

    @Override
    public int geteuid() {
        return processes.geteuid();
    }

    @Override
    public int getgid() {
        return processes.getgid();
    }

    @Override
    public int getegid() {
        return processes.getegid();
    }

    @Override
    public int setuid(int uid) {
        return processes.setuid(uid);
    }

    @Override
    public int setgid(int gid) {
        return processes.setgid(gid);
    }

    @Override
    public int kill(int pid, int sig) {
        return signals.kill(pid, sig);
    }

    @Override
    public SignalHandler signal(int sig, SignalHandler handler) {
        return signals.signal(sig, handler);
    }

    @Override
    public int sigaction(int sig, Sigaction act, Sigaction[] old) {
        return signals.sigaction(sig, act, old);
    }

    @Override
    public int sigprocmask(int how, int set, int[] old) {
        return signals.sigprocmask(how, set, old);
    }

    @Override
    public int sigpending() {
        return signals.sigpending();
    }

    @Override
    public int pause() {
        return signals.pause();
    }

    @Override
    public int alarm(int seconds) {
        return signals.alarm(seconds);
    }

    @Override
    public int sleep(int seconds) {
        return signals.sleep(seconds);
    }

    @Override
    public int nanosleep(long nanoseconds) {
        return signals.nanosleep(nanoseconds);
    }

    @Override
    public int open(String path, int flags, int mode) {
        return files.open(path, flags, mode);
    }

    @Override
    public int close(int fd) {
        return files.close(fd);
    }

    @Override
    public int read(int fd, byte[] buf, int off, int len) {
        return files.read(fd, buf, off, len);
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        return files.write(fd, buf, off, len);
    }

    @Override
    public long read(int fd, long addr, long len) {
        return files.read(fd, addr, len);
    }

    @Override
    public long write(int fd, long addr, long len) {
        return files.write(fd, addr, len);
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return files.lseek(fd, offset, whence);
    }

    @Override
    public int dup(int fd) {
        return files.dup(fd);
    }

    @Override
    public int dup2(int fd, int fd2) {
        return files.dup2(fd, fd2);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return files.fcntl(fd, cmd, arg);
    }

    @Override
    public int pipe(int[] fds) {
        return files.pipe(fds);
    }

    @Override
    public Stat stat(String path) {
        return names.stat(path);
    }

    @Override
    public Stat fstat(int fd) {
        return files.fstat(fd);
    }

    @Override
    public int mkdir(String path, int mode) {
        return files.mkdir(path, mode);
    }

    @Override
    public int rmdir(String path) {
        return files.rmdir(path);
    }

    @Override
    public int unlink(String path) {
        return files.unlink(path);
    }

    @Override
    public int chdir(String path) {
        return files.chdir(path);
    }

    @Override
    public String getcwd() {
        return files.getcwd();
    }

    @Override
    public int umask(int mask) {
        return files.umask(mask);
    }

    @Override
    public long sbrk(long increment) {
        return memory.sbrk(increment);
    }

    @Override
    public int brk(long addr) {
        return memory.brk(addr);
    }













    @Override
    public long nanotime() {
        return cpu.nanotime();
    }

    @Override
    public long time() {
        return cpu.time();
    }

    @Override
    public int sched_yield() {
        return cpu.sched_yield();
    }

    @Override
    public int nice(int incr) {
        return cpu.nice(incr);
    }

    // ---- sockets: SocketCalls, injected into this field so that the constructor stays as it was
    @Inject
    SocketCalls sockets;

    @Override
    public int socket(int domain, int type, int protocol) {
        return sockets.socket(domain, type, protocol);
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        return sockets.socketpair(domain, type, protocol, sv);
    }

    @Override
    public int bind(int s, sprocket.api.sys.SockAddr name) {
        return sockets.bind(s, name);
    }

    @Override
    public int listen(int s, int backlog) {
        return sockets.listen(s, backlog);
    }

    @Override
    public int accept(int s, sprocket.api.sys.SockAddr[] addr) {
        return sockets.accept(s, addr);
    }

    @Override
    public int connect(int s, sprocket.api.sys.SockAddr name) {
        return sockets.connect(s, name);
    }

    @Override
    public int sendto(int s, byte[] buf, int off, int len, int flags, sprocket.api.sys.SockAddr to) {
        return sockets.sendto(s, buf, off, len, flags, to);
    }

    @Override
    public int recvfrom(int s, byte[] buf, int off, int len, int flags, sprocket.api.sys.SockAddr[] from) {
        return sockets.recvfrom(s, buf, off, len, flags, from);
    }

    @Override
    public int sendmsg(int s, sprocket.api.sys.Msghdr msg, int flags) {
        return sockets.sendmsg(s, msg, flags);
    }

    @Override
    public int recvmsg(int s, sprocket.api.sys.Msghdr msg, int flags) {
        return sockets.recvmsg(s, msg, flags);
    }

    @Override
    public int shutdown(int s, int how) {
        return sockets.shutdown(s, how);
    }

    @Override
    public int getsockname(int s, sprocket.api.sys.SockAddr[] name) {
        return sockets.getsockname(s, name);
    }

    @Override
    public int getpeername(int s, sprocket.api.sys.SockAddr[] name) {
        return sockets.getpeername(s, name);
    }

    @Override
    public long sysconf(int name) {
        return cpu.sysconf(name);
    }

    @Override
    public int vfork(ProcessEntry child) {
        return processes.vfork(child);
    }

    @Override
    public long mmap(long addr, long len, int prot, int flags, int fd, long off) {
        return memory.mmap(addr, len, prot, flags, fd, off);
    }

    @Override
    public int munmap(long addr, long len) {
        return memory.munmap(addr, len);
    }

    @Override
    public int msync(long addr, long len, int flags) {
        return memory.msync(addr, len, flags);
    }

    @Override
    public int mprotect(long addr, long len, int prot) {
        return memory.mprotect(addr, len, prot);
    }

    @Override
    public int sched_setaffinity(int pid, long mask) {
        return cpu.sched_setaffinity(pid, mask);
    }

    @Override
    public long sched_getaffinity(int pid) {
        return cpu.sched_getaffinity(pid);
    }

    @Override
    public int priocntl(int pid, String schedClass, int priority) {
        return cpu.priocntl(pid, schedClass, priority);
    }

    @Override
    public long prctl(int option, long arg) {
        return shares.prctl(option, arg);
    }

    @Override
    public int sproc(SprocEntry entry, int inh, long arg) {
        return shares.sproc(entry, inh, arg);
    }

    @Override
    public int sprocsp(SprocEntry entry, int inh, long arg, long sp, long len) {
        return shares.sprocsp(entry, inh, arg, sp, len);
    }

    @Override
    public int clone(ProcessEntry fn, long childStack, int flags) {
        return shares.clone(fn, childStack, flags);
    }


    @Override
    public int blockproc(int pid) {
        return shares.procblk(ShareCalls.BLOCK, pid, 0, false);
    }

    @Override
    public int unblockproc(int pid) {
        return shares.procblk(ShareCalls.UNBLOCK, pid, 0, false);
    }

    @Override
    public int setblockproccnt(int pid, int count) {
        return shares.procblk(ShareCalls.SET, pid, count, false);
    }

    @Override
    public int blockprocall(int pid) {
        return shares.procblk(ShareCalls.BLOCK, pid, 0, true);
    }

    @Override
    public int unblockprocall(int pid) {
        return shares.procblk(ShareCalls.UNBLOCK, pid, 0, true);
    }

    @Override
    public int setblockproccntall(int pid, int count) {
        return shares.procblk(ShareCalls.SET, pid, count, true);
    }


    @Override
    public Rusage getrusage(int who) {
        return cpu.getrusage(who);
    }

    @Override
    public int semget(long key, int nsems, int semflg) {
        return ipc.semget(key, nsems, semflg);
    }

    @Override
    public int semop(int semid, Sembuf[] sops) {
        return ipc.semop(semid, sops);
    }

    @Override
    public int semctl(int semid, int semnum, int cmd, int val) {
        return ipc.semctl(semid, semnum, cmd, val);
    }

    @Override
    public int semctl(int semid, int cmd, int[] values) {
        return ipc.semctl(semid, cmd, values);
    }

    @Override
    public int semctl(int semid, int cmd, SemidDs[] buf) {
        return ipc.semctl(semid, cmd, buf);
    }

    @Override
    public int msgget(long key, int msgflg) {
        return ipc.msgget(key, msgflg);
    }

    @Override
    public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        return ipc.msgsnd(msqid, mtype, text, len, msgflg);
    }

    @Override
    public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        return ipc.msgrcv(msqid, mtype, buf, maxlen, msgtyp, msgflg);
    }

    @Override
    public int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        return ipc.msgctl(msqid, cmd, buf);
    }

    @Override
    public int shmget(long key, long size, int shmflg) {
        return ipc.shmget(key, size, shmflg);
    }

    @Override
    public long shmat(int shmid, long addr, int shmflg) {
        return ipc.shmat(shmid, addr, shmflg);
    }

    @Override
    public int shmdt(long addr) {
        return ipc.shmdt(addr);
    }

    @Override
    public int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        return ipc.shmctl(shmid, cmd, buf);
    }

    @Override
    public Stat lstat(String path) {
        return names.lstat(path);
    }

    @Override
    public int link(String existing, String newPath) {
        return names.link(existing, newPath);
    }

    @Override
    public int symlink(String target, String path) {
        return names.symlink(target, path);
    }

    @Override
    public String readlink(String path) {
        return names.readlink(path);
    }

    @Override
    public int rename(String from, String to) {
        return names.rename(from, to);
    }

    @Override
    public int chmod(String path, int mode) {
        return names.chmod(path, mode);
    }

    @Override
    public int chown(String path, int owner, int group) {
        return names.chown(path, owner, group);
    }

    @Override
    public int access(String path, int amode) {
        return names.access(path, amode);
    }

    @Override
    public int fchdir(int fd) {
        return files.fchdir(fd);
    }

    @Override
    public int chroot(String path) {
        return names.chroot(path);
    }

    @Override
    public int mount(String source, String target, String fstype, int flags) {
        return names.mount(source, target, fstype, flags);
    }

    @Override
    public int umount(String target) {
        return names.umount(target);
    }

    @Override
    public int getdents(int fd, sprocket.api.sys.Dirent[] buf) {
        return files.getdents(fd, buf);
    }

    @Override
    public int fcntl(int fd, int cmd, sprocket.api.sys.Flock[] lock) {
        return files.fcntl(fd, cmd, lock);
    }

    @Override
    public int getrlimit(int resource, sprocket.api.sys.Rlimit[] out) {
        return processes.getrlimit(resource, out);
    }

    @Override
    public int setrlimit(int resource, sprocket.api.sys.Rlimit limit) {
        return processes.setrlimit(resource, limit);
    }

    @Override
    public long ulimit(int cmd, long newlimit) {
        return processes.ulimit(cmd, newlimit);
    }

    @Override
    public int mkfifo(String path, int mode) {
        return names.mkfifo(path, mode);
    }
}
