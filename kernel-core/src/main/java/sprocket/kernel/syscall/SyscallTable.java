package sprocket.kernel.syscall;

import static sprocket.kernel.lock.Locks.Area.FILE;
import static sprocket.kernel.lock.Locks.Area.IPC;
import static sprocket.kernel.lock.Locks.Area.NONE;
import static sprocket.kernel.lock.Locks.Area.PROC;
import static sprocket.kernel.lock.Locks.Area.SCHED;
import static sprocket.kernel.lock.Locks.Area.VM;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Ioctl;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SprocEntry;
import sprocket.api.sys.Termios;
import sprocket.kernel.lock.Locks;

/**
 * The system call table: every call a program can make, declared once, as xv6's {@code syscalls[]} and SVR4's
 * {@code sysent[]} declare them. The Seventh Edition's calls keep their numbers (SVR4 kept them too); the others are
 * numbered after them, family by family. Where one C call takes several argument shapes (read into a program buffer
 * or into simulated memory; semctl's three), each shape is an entry of the same name and number.
 */
public final class SyscallTable {
    private static final List<Sysent> entries = new ArrayList<>();

    private SyscallTable() {
    }

    private static Sysent call(int number, String name, Locks.Area area, String args, char result,
            Sysent.Handler handler) {
        boolean objects = result == 'r';
        // Each token's kind is its first character: at the start and after each ", ". A loop, as String.split
        // compiles a pattern for a two-character separator, for each of some 150 entries at every start.
        for (int at = 0; at < args.length(); ) {
            if ("swrvpe".indexOf(args.charAt(at)) >= 0) objects = true;
            int next = args.indexOf(", ", at);
            if (next < 0) break;
            at = next + 2;
        }
        Sysent e = new Sysent(entries.size(), number, name, area, args, result, objects, handler);
        entries.add(e);
        return e;
    }

    private static int i(long v) {
        return (int) v;
    }

    // ---- processes (fork(2), exec(2), exit(2), wait(2), getpid(2), credentials, limits)
    static final Sysent EXIT = call(1, "exit", PROC, "d0", 'd', (k, p, f) -> k.processes.exit(p, i(f.a0)));
    static final Sysent FORK = call(2, "fork", PROC, "e0", 'd',
            (k, p, f) -> k.processes.fork(p, (ProcessEntry) f.o0, false));
    static final Sysent WAITPID = call(7, "waitpid", PROC, "d0, p0, x1", 'd',
            (k, p, f) -> k.processes.waitpid(p, i(f.a0), (int[]) f.o0, i(f.a1)));
    static final Sysent GETPID = call(20, "getpid", NONE, "", 'd', (k, p, f) -> p.pid);
    static final Sysent SETUID = call(23, "setuid", PROC, "d0", 'd', (k, p, f) -> k.processes.setuid(p, i(f.a0)));
    static final Sysent GETUID = call(24, "getuid", NONE, "", 'd', (k, p, f) -> p.cred.ruid());
    static final Sysent SETGID = call(46, "setgid", PROC, "d0", 'd', (k, p, f) -> k.processes.setgid(p, i(f.a0)));
    static final Sysent GETGID = call(47, "getgid", NONE, "", 'd', (k, p, f) -> p.cred.rgid());
    static final Sysent EXECVE = call(59, "execve", PROC, "s0, v1, v2", 'd',
            (k, p, f) -> k.processes.execve(p, (String) f.o0, (String[]) f.o1, (String[]) f.o2));
    static final Sysent VFORK = call(62, "vfork", PROC, "e0", 'd',
            (k, p, f) -> k.processes.fork(p, (ProcessEntry) f.o0, true));
    static final Sysent GETPPID = call(63, "getppid", NONE, "", 'd',
            (k, p, f) -> p.parent == null ? 0 : p.parent.pid);
    static final Sysent GETEUID = call(64, "geteuid", NONE, "", 'd', (k, p, f) -> p.cred.euid());
    static final Sysent GETEGID = call(65, "getegid", NONE, "", 'd', (k, p, f) -> p.cred.egid());
    static final Sysent SETPGID = call(66, "setpgid", PROC, "d0, d1", 'd',
            (k, p, f) -> k.processes.setpgid(p, i(f.a0), i(f.a1)));
    static final Sysent GETPGRP = call(67, "getpgrp", NONE, "", 'd', (k, p, f) -> p.pgid);
    static final Sysent GETPGID = call(68, "getpgid", PROC, "d0", 'd', (k, p, f) -> k.processes.getpgid(p, i(f.a0)));
    static final Sysent SETSID = call(69, "setsid", PROC, "", 'd', (k, p, f) -> k.processes.setsid(p));
    static final Sysent GETSID = call(70, "getsid", PROC, "d0", 'd', (k, p, f) -> k.processes.getsid(p, i(f.a0)));
    static final Sysent GETRLIMIT = call(71, "getrlimit", NONE, "d0, p0", 'd',
            (k, p, f) -> k.processes.getrlimit(p, i(f.a0), (Rlimit[]) f.o0));
    static final Sysent SETRLIMIT = call(72, "setrlimit", PROC, "d0, p0", 'd',
            (k, p, f) -> k.processes.setrlimit(p, i(f.a0), (Rlimit) f.o0));
    static final Sysent ULIMIT = call(73, "ulimit", PROC, "d0, d1", 'd',
            (k, p, f) -> k.processes.ulimit(p, i(f.a0), f.a1));
    static final Sysent SETREUID = call(74, "setreuid", PROC, "d0, d1", 'd',
            (k, p, f) -> k.processes.setreuid(p, i(f.a0), i(f.a1)));
    static final Sysent SETREGID = call(75, "setregid", PROC, "d0, d1", 'd',
            (k, p, f) -> k.processes.setregid(p, i(f.a0), i(f.a1)));
    static final Sysent GETGROUPS = call(76, "getgroups", NONE, "d0, p0", 'd',
            (k, p, f) -> k.processes.getgroups(p, i(f.a0), (int[]) f.o0));
    static final Sysent SETGROUPS = call(77, "setgroups", PROC, "d0, p0", 'd',
            (k, p, f) -> k.processes.setgroups(p, i(f.a0), (int[]) f.o0));

    // ---- signals (kill(2), sigaction(2), sigprocmask(2), pause(2), alarm(2), the sleeps)
    static final Sysent ALARM = call(27, "alarm", NONE, "d0", 'd', (k, p, f) -> k.signals.alarm(p, i(f.a0)));
    static final Sysent PAUSE = call(29, "pause", NONE, "", 'd', (k, p, f) -> k.signals.pause(p));
    static final Sysent KILL = call(37, "kill", PROC, "d0, g1", 'd',
            (k, p, f) -> k.signals.kill(p, i(f.a0), i(f.a1)));
    static final Sysent SIGACTION = call(80, "sigaction", NONE, "g0, p0, p1", 'd',
            (k, p, f) -> k.signals.sigaction(p, i(f.a0), (Sigaction) f.o0, (Sigaction[]) f.o1));
    static final Sysent SIGPROCMASK = call(81, "sigprocmask", NONE, "d0, x1, p0", 'd',
            (k, p, f) -> k.signals.sigprocmask(p, i(f.a0), i(f.a1), (int[]) f.o0));
    static final Sysent SIGPENDING = call(82, "sigpending", NONE, "", 'x', (k, p, f) -> k.signals.sigpending(p));
    static final Sysent SLEEP = call(83, "sleep", NONE, "d0", 'd', (k, p, f) -> k.signals.sleep(p, i(f.a0)));
    static final Sysent NANOSLEEP = call(84, "nanosleep", NONE, "d0", 'd', (k, p, f) -> k.signals.nanosleep(p, f.a0));

    // ---- files and descriptors
    static final Sysent READ = call(3, "read", FILE, "d0, r0, d2", 'd',
            (k, p, f) -> k.files.read(p, i(f.a0), (byte[]) f.o0, i(f.a1), i(f.a2)));
    static final Sysent READ_MEMORY = call(3, "read", FILE, "d0, x1, d2", 'd',
            (k, p, f) -> k.files.read(p, i(f.a0), f.a1, f.a2));
    static final Sysent WRITE = call(4, "write", FILE, "d0, w0, d2", 'd',
            (k, p, f) -> k.files.write(p, i(f.a0), (byte[]) f.o0, i(f.a1), i(f.a2)));
    static final Sysent WRITE_MEMORY = call(4, "write", FILE, "d0, x1, d2", 'd',
            (k, p, f) -> k.files.write(p, i(f.a0), f.a1, f.a2));
    static final Sysent OPEN = call(5, "open", FILE, "s0, x0, o1", 'd',
            (k, p, f) -> k.files.open(p, (String) f.o0, i(f.a0), i(f.a1)));
    static final Sysent CLOSE = call(6, "close", FILE, "d0", 'd', (k, p, f) -> k.files.close(p, i(f.a0)));
    static final Sysent UNLINK = call(10, "unlink", FILE, "s0", 'd', (k, p, f) -> k.files.unlink(p, (String) f.o0));
    static final Sysent CHDIR = call(12, "chdir", FILE, "s0", 'd', (k, p, f) -> k.files.chdir(p, (String) f.o0));
    static final Sysent LSEEK = call(19, "lseek", FILE, "d0, d1, d2", 'd',
            (k, p, f) -> k.files.lseek(p, i(f.a0), f.a1, i(f.a2)));
    static final Sysent FSTAT = call(28, "fstat", FILE, "d0", 'r', (k, p, f) -> k.files.fstat(p, i(f.a0)));
    static final Sysent DUP = call(41, "dup", FILE, "d0", 'd', (k, p, f) -> k.files.dup(p, i(f.a0)));
    static final Sysent PIPE = call(42, "pipe", IPC, "p0", 'd', (k, p, f) -> k.files.pipe(p, (int[]) f.o0));
    static final Sysent UMASK = call(60, "umask", NONE, "o0", 'O', (k, p, f) -> k.files.umask(p, i(f.a0)));
    static final Sysent DUP2 = call(90, "dup2", FILE, "d0, d1", 'd', (k, p, f) -> k.files.dup2(p, i(f.a0), i(f.a1)));
    static final Sysent FCNTL = call(91, "fcntl", FILE, "d0, d1, x2", 'd',
            (k, p, f) -> k.files.fcntl(p, i(f.a0), i(f.a1), i(f.a2)));
    static final Sysent FCNTL_LOCK = call(91, "fcntl", FILE, "d0, d1, p0", 'd',
            (k, p, f) -> k.files.fcntl(p, i(f.a0), i(f.a1), (Flock[]) f.o0));
    static final Sysent GETDENTS = call(92, "getdents", FILE, "d0, p0", 'd',
            (k, p, f) -> k.files.getdents(p, i(f.a0), (Dirent[]) f.o0));
    static final Sysent FCHDIR = call(93, "fchdir", FILE, "d0", 'd', (k, p, f) -> k.files.fchdir(p, i(f.a0)));
    static final Sysent GETCWD = call(94, "getcwd", FILE, "", 'r', (k, p, f) -> k.files.getcwd(p));
    static final Sysent MKDIR = call(95, "mkdir", FILE, "s0, o0", 'd',
            (k, p, f) -> k.files.mkdir(p, (String) f.o0, i(f.a0)));
    static final Sysent RMDIR = call(96, "rmdir", FILE, "s0", 'd', (k, p, f) -> k.files.rmdir(p, (String) f.o0));

    // ---- terminals: ioctl(2) and the termio(7) requests the tc* routines make
    static final Sysent IOCTL = call(54, "ioctl", FILE, "d0, x1, p0", 'd',
            (k, p, f) -> k.ttys.ioctl(p, i(f.a0), i(f.a1), f.o0));
    static final Sysent TCGETATTR = call(54, "ioctl", FILE, "d0, p0", 'd',
            (k, p, f) -> k.ttys.ioctl(p, i(f.a0), Ioctl.TCGETS, f.o0));
    static final Sysent TCSETATTR = call(54, "ioctl", FILE, "d0, d1, p0", 'd',
            (k, p, f) -> k.ttys.tcsetattr(p, i(f.a0), i(f.a1), (Termios) f.o0));
    static final Sysent TCGETPGRP = call(54, "ioctl", FILE, "d0", 'd',
            (k, p, f) -> k.ttys.number(p, i(f.a0), Ioctl.TIOCGPGRP));
    static final Sysent TCSETPGRP = call(54, "ioctl", FILE, "d0, d1", 'd',
            (k, p, f) -> k.ttys.with(p, i(f.a0), Ioctl.TIOCSPGRP, i(f.a1)));
    static final Sysent TCGETSID = call(54, "ioctl", FILE, "d0", 'd',
            (k, p, f) -> k.ttys.number(p, i(f.a0), Ioctl.TIOCGSID));
    static final Sysent TCFLUSH = call(54, "ioctl", FILE, "d0, d1", 'd',
            (k, p, f) -> k.ttys.with(p, i(f.a0), Ioctl.TCFLSH, i(f.a1)));
    static final Sysent TCDRAIN = call(54, "ioctl", FILE, "d0", 'd',
            (k, p, f) -> k.ttys.ioctl(p, i(f.a0), Ioctl.TCSBRK, null));
    static final Sysent TCFLOW = call(54, "ioctl", FILE, "d0, d1", 'd',
            (k, p, f) -> k.ttys.with(p, i(f.a0), Ioctl.TCXONC, i(f.a1)));

    // ---- the name space
    static final Sysent LINK = call(9, "link", FILE, "s0, s1", 'd',
            (k, p, f) -> k.names.link(p, (String) f.o0, (String) f.o1));
    static final Sysent CHMOD = call(15, "chmod", FILE, "s0, o0", 'd',
            (k, p, f) -> k.names.chmod(p, (String) f.o0, i(f.a0)));
    static final Sysent CHOWN = call(16, "chown", FILE, "s0, d0, d1", 'd',
            (k, p, f) -> k.names.chown(p, (String) f.o0, i(f.a0), i(f.a1)));
    static final Sysent UTIME = call(30, "utime", FILE, "s0, p1", 'd',
            (k, p, f) -> k.names.utime(p, (String) f.o0, (long[]) f.o1));
    static final Sysent STATVFS = call(106, "statvfs", FILE, "s0", 'r',
            (k, p, f) -> k.names.statvfs(p, (String) f.o0));
    static final Sysent LCHOWN = call(105, "lchown", FILE, "s0, d0, d1", 'd',
            (k, p, f) -> k.names.lchown(p, (String) f.o0, i(f.a0), i(f.a1)));
    static final Sysent STAT = call(18, "stat", FILE, "s0", 'r', (k, p, f) -> k.names.stat(p, (String) f.o0, true));
    static final Sysent MOUNT = call(21, "mount", FILE, "s0, s1, s2, x0", 'd',
            (k, p, f) -> k.names.mount(p, (String) f.o0, (String) f.o1, (String) f.o2, i(f.a0)));
    static final Sysent UMOUNT = call(22, "umount", FILE, "s0", 'd', (k, p, f) -> k.names.umount(p, (String) f.o0));
    static final Sysent ACCESS = call(33, "access", FILE, "s0, d0", 'd',
            (k, p, f) -> k.names.access(p, (String) f.o0, i(f.a0)));
    static final Sysent CHROOT = call(61, "chroot", FILE, "s0", 'd', (k, p, f) -> k.names.chroot(p, (String) f.o0));
    static final Sysent LSTAT = call(100, "lstat", FILE, "s0", 'r',
            (k, p, f) -> k.names.stat(p, (String) f.o0, false));
    static final Sysent MKFIFO = call(101, "mkfifo", FILE, "s0, o0", 'd',
            (k, p, f) -> k.names.mkfifo(p, (String) f.o0, i(f.a0)));
    static final Sysent SYMLINK = call(102, "symlink", FILE, "s0, s1", 'd',
            (k, p, f) -> k.names.symlink(p, (String) f.o0, (String) f.o1));
    static final Sysent READLINK = call(103, "readlink", FILE, "s0", 'r',
            (k, p, f) -> k.names.readlink(p, (String) f.o0));
    static final Sysent RENAME = call(104, "rename", FILE, "s0, s1", 'd',
            (k, p, f) -> k.names.rename(p, (String) f.o0, (String) f.o1));

    // ---- memory
    static final Sysent BRK = call(17, "brk", VM, "x0", 'd', (k, p, f) -> k.memory.brk(p, f.a0));
    static final Sysent SBRK = call(110, "sbrk", VM, "d0", 'x', (k, p, f) -> k.memory.sbrk(p, f.a0));
    static final Sysent MMAP = call(111, "mmap", VM, "x0, d1, x2, x3, d4, d5", 'x',
            (k, p, f) -> k.memory.mmap(p, f.a0, f.a1, i(f.a2), i(f.a3), i(f.a4), f.a5));
    static final Sysent MUNMAP = call(112, "munmap", VM, "x0, d1", 'd', (k, p, f) -> k.memory.munmap(p, f.a0, f.a1));
    static final Sysent MSYNC = call(113, "msync", VM, "x0, d1, x2", 'd',
            (k, p, f) -> k.memory.msync(p, f.a0, f.a1, i(f.a2)));
    static final Sysent MPROTECT = call(114, "mprotect", VM, "x0, d1, x2", 'd',
            (k, p, f) -> k.memory.mprotect(p, f.a0, f.a1, i(f.a2)));

    // ---- System V IPC (semget(2), shmget(2), msgget(2) and their relatives)
    static final Sysent SEMGET = call(120, "semget", IPC, "x0, d1, o2", 'd',
            (k, p, f) -> k.ipc.semget(p, f.a0, i(f.a1), i(f.a2)));
    static final Sysent SEMOP = call(121, "semop", IPC, "d0, p0", 'd',
            (k, p, f) -> k.ipc.semop(p, i(f.a0), (Sembuf[]) f.o0));
    static final Sysent SEMCTL = call(122, "semctl", IPC, "d0, d1, d2, d3", 'd',
            (k, p, f) -> k.ipc.semctl(p, i(f.a0), i(f.a1), i(f.a2), i(f.a3)));
    static final Sysent SEMCTL_ALL = call(122, "semctl", IPC, "d0, d1, p0", 'd',
            (k, p, f) -> k.ipc.semctl(p, i(f.a0), i(f.a1), (int[]) f.o0));
    static final Sysent SEMCTL_DS = call(122, "semctl", IPC, "d0, d1, p0", 'd',
            (k, p, f) -> k.ipc.semctl(p, i(f.a0), i(f.a1), (SemidDs[]) f.o0));
    static final Sysent SHMGET = call(123, "shmget", IPC, "x0, d1, o2", 'd',
            (k, p, f) -> k.ipc.shmget(p, f.a0, f.a1, i(f.a2)));
    static final Sysent SHMAT = call(124, "shmat", IPC, "d0, x1, x2", 'x',
            (k, p, f) -> k.ipc.shmat(p, i(f.a0), f.a1, i(f.a2)));
    static final Sysent SHMDT = call(125, "shmdt", IPC, "x0", 'd', (k, p, f) -> k.ipc.shmdt(p, f.a0));
    static final Sysent SHMCTL = call(126, "shmctl", IPC, "d0, d1, p0", 'd',
            (k, p, f) -> k.ipc.shmctl(p, i(f.a0), i(f.a1), (ShmidDs[]) f.o0));
    static final Sysent MSGGET = call(127, "msgget", IPC, "x0, o1", 'd',
            (k, p, f) -> k.ipc.msgget(p, f.a0, i(f.a1)));
    static final Sysent MSGSND = call(128, "msgsnd", IPC, "d0, d1, r0, d2, x3", 'd',
            (k, p, f) -> k.ipc.msgsnd(p, i(f.a0), f.a1, (byte[]) f.o0, i(f.a2), i(f.a3)));
    static final Sysent MSGRCV = call(129, "msgrcv", IPC, "d0, r1, d1, d2, x3", 'd',
            (k, p, f) -> k.ipc.msgrcv(p, i(f.a0), (long[]) f.o0, (byte[]) f.o1, i(f.a1), f.a2, i(f.a3)));
    static final Sysent MSGCTL = call(130, "msgctl", IPC, "d0, d1, p0", 'd',
            (k, p, f) -> k.ipc.msgctl(p, i(f.a0), i(f.a1), (MsqidDs[]) f.o0));

    // ---- sockets (socket(2) and its relatives; unix(7) and the loopback interface of ip(7))
    static final Sysent SOCKET = call(140, "socket", FILE, "d0, d1, d2", 'd',
            (k, p, f) -> k.sockets.socket(p, i(f.a0), i(f.a1), i(f.a2)));
    static final Sysent SOCKETPAIR = call(141, "socketpair", FILE, "d0, d1, d2, p0", 'd',
            (k, p, f) -> k.sockets.socketpair(p, i(f.a0), i(f.a1), i(f.a2), (int[]) f.o0));
    static final Sysent BIND = call(142, "bind", FILE, "d0, p0", 'd',
            (k, p, f) -> k.sockets.bind(p, i(f.a0), (SockAddr) f.o0));
    static final Sysent LISTEN = call(143, "listen", FILE, "d0, d1", 'd',
            (k, p, f) -> k.sockets.listen(p, i(f.a0), i(f.a1)));
    static final Sysent ACCEPT = call(144, "accept", FILE, "d0, p0", 'd',
            (k, p, f) -> k.sockets.accept(p, i(f.a0), (SockAddr[]) f.o0));
    static final Sysent CONNECT = call(145, "connect", FILE, "d0, p0", 'd',
            (k, p, f) -> k.sockets.connect(p, i(f.a0), (SockAddr) f.o0));
    static final Sysent SENDTO = call(146, "sendto", FILE, "d0, w0, d2, x3, p1", 'd',
            (k, p, f) -> k.sockets.sendto(p, i(f.a0), (byte[]) f.o0, i(f.a1), i(f.a2), i(f.a3), (SockAddr) f.o1));
    static final Sysent RECVFROM = call(147, "recvfrom", FILE, "d0, r0, d2, x3, p1", 'd',
            (k, p, f) -> k.sockets.recvfrom(p, i(f.a0), (byte[]) f.o0, i(f.a1), i(f.a2), i(f.a3),
                    (SockAddr[]) f.o1));
    static final Sysent SENDMSG = call(148, "sendmsg", FILE, "d0, p0, x1", 'd',
            (k, p, f) -> k.sockets.sendmsg(p, i(f.a0), (Msghdr) f.o0, i(f.a1)));
    static final Sysent RECVMSG = call(149, "recvmsg", FILE, "d0, p0, x1", 'd',
            (k, p, f) -> k.sockets.recvmsg(p, i(f.a0), (Msghdr) f.o0, i(f.a1)));
    static final Sysent SHUTDOWN = call(150, "shutdown", FILE, "d0, d1", 'd',
            (k, p, f) -> k.sockets.shutdown(p, i(f.a0), i(f.a1)));
    static final Sysent GETSOCKNAME = call(151, "getsockname", FILE, "d0, p0", 'd',
            (k, p, f) -> k.sockets.getsockname(p, i(f.a0), (SockAddr[]) f.o0));
    static final Sysent GETPEERNAME = call(152, "getpeername", FILE, "d0, p0", 'd',
            (k, p, f) -> k.sockets.getpeername(p, i(f.a0), (SockAddr[]) f.o0));

    // ---- time and scheduling
    static final Sysent TIME = call(13, "time", NONE, "", 'd', (k, p, f) -> k.sched.time(p));
    static final Sysent STIME = call(25, "stime", SCHED, "d0", 'd', (k, p, f) -> k.sched.stime(p, f.a0));
    static final Sysent NICE = call(34, "nice", SCHED, "d0", 'd', (k, p, f) -> k.sched.nice(p, i(f.a0)));
    static final Sysent GETPRIORITY = call(166, "getpriority", SCHED, "d0, d1", 'd',
            (k, p, f) -> k.sched.getpriority(p, i(f.a0), i(f.a1)));
    static final Sysent SETPRIORITY = call(167, "setpriority", SCHED, "d0, d1, d2", 'd',
            (k, p, f) -> k.sched.setpriority(p, i(f.a0), i(f.a1), i(f.a2)));
    static final Sysent SCHED_YIELD = call(160, "sched_yield", NONE, "", 'd', (k, p, f) -> k.sched.sched_yield(p));
    static final Sysent SCHED_SETAFFINITY = call(161, "sched_setaffinity", SCHED, "d0, x1", 'd',
            (k, p, f) -> k.sched.sched_setaffinity(p, i(f.a0), f.a1));
    static final Sysent SCHED_GETAFFINITY = call(162, "sched_getaffinity", SCHED, "d0", 'x',
            (k, p, f) -> k.sched.sched_getaffinity(p, i(f.a0)));
    static final Sysent PRIOCNTL = call(163, "priocntl", SCHED, "d0, s0, d1", 'd',
            (k, p, f) -> k.sched.priocntl(p, i(f.a0), (String) f.o0, i(f.a1)));
    static final Sysent GETRUSAGE = call(164, "getrusage", NONE, "d0", 'r',
            (k, p, f) -> k.sched.getrusage(p, i(f.a0)));
    static final Sysent SYSCONF = call(165, "sysconf", NONE, "d0", 'd', (k, p, f) -> k.sched.sysconf(p, i(f.a0)));

    // ---- share groups (sproc(2), prctl(2), blockproc(2)) and clone(2)
    static final Sysent SPROC = call(170, "sproc", PROC, "e0, x0, x1", 'd',
            (k, p, f) -> k.shares.sproc(p, (SprocEntry) f.o0, i(f.a0), f.a1));
    static final Sysent SPROCSP = call(171, "sprocsp", PROC, "e0, x0, x1, x2, d3", 'd',
            (k, p, f) -> k.shares.sprocsp(p, (SprocEntry) f.o0, i(f.a0), f.a1, f.a2, f.a3));
    static final Sysent CLONE = call(172, "clone", PROC, "e0, x0, x1", 'd',
            (k, p, f) -> k.shares.clone(p, (ProcessEntry) f.o0, f.a0, i(f.a1)));
    static final Sysent PRCTL = call(173, "prctl", PROC, "d0, d1", 'd', (k, p, f) -> k.shares.prctl(p, i(f.a0), f.a1));
    static final Sysent BLOCKPROC = call(174, "blockproc", PROC, "d0", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.BLOCK, i(f.a0), 0, false));
    static final Sysent UNBLOCKPROC = call(175, "unblockproc", PROC, "d0", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.UNBLOCK, i(f.a0), 0, false));
    static final Sysent SETBLOCKPROCCNT = call(176, "setblockproccnt", PROC, "d0, d1", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.SET, i(f.a0), i(f.a1), false));
    static final Sysent BLOCKPROCALL = call(177, "blockprocall", PROC, "d0", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.BLOCK, i(f.a0), 0, true));
    static final Sysent UNBLOCKPROCALL = call(178, "unblockprocall", PROC, "d0", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.UNBLOCK, i(f.a0), 0, true));
    static final Sysent SETBLOCKPROCCNTALL = call(179, "setblockproccntall", PROC, "d0, d1", 'd',
            (k, p, f) -> k.shares.procblk(p, ShareCalls.SET, i(f.a0), i(f.a1), true));

    /** Every entry, in declaration order ({@link Sysent#index()}). */
    public static final List<Sysent> ALL = List.copyOf(entries);
}
