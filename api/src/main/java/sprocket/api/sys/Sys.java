package sprocket.api.sys;

/**
 * The system calls, as a program sees them: names and meanings from the Unix and IRIX manual pages. A call
 * that fails returns -1 (or null, where the C call returns a pointer) and sets {@link #errno()}, which is
 * private to the calling process. Every call enters the kernel and costs simulated time. What a program does
 * without entering the kernel (loads, stores, atomic instructions, computing) is its {@link #cpu()}'s. Calls act
 * for the process that makes them, whichever {@code Sys} reference the code holds.
 */
public interface Sys {

    // ---- the user-mode CPU

    /**
     * The CPU this process runs on, as user code sees it: the loads, stores and atomic instructions a program
     * executes without entering the kernel.
     */
    UserCpu cpu();

    // ---- errno

    /** The error number of the last call that failed (kept in the process's PRDA). */
    int errno();

    /** Sets errno, as a program may. */
    void errno(int value);

    // ---- processes (fork(2), exec(2), exit(2), wait(2), getpid(2))

    /** fork(2): the child starts at {@code child} with a copy of the caller's image; returns the child's pid. */
    int fork(ProcessEntry child);

    /**
     * vfork(2): the child starts at {@code child} borrowing the caller's address space, and the caller is suspended
     * until the child execs or exits; returns the child's pid. The child must not return to code that expects the
     * parent's memory as it was.
     */
    int vfork(ProcessEntry child);

    /**
     * execve(2): replaces the image with the program in the executable file {@code path}, or, for a script whose
     * first line is {@code #! interpreter [arg]}, with that interpreter run on the script; returns only on failure.
     * EFAULT for a null path, vector or element; EINVAL for an empty {@code argv} (a program is promised argv[0]);
     * E2BIG past ARG_MAX bytes of arguments and environment; ENOEXEC for a file that is neither.
     */
    int execve(String path, String[] argv, String[] envp);

    /** execv(2): execve with the caller's environment. */
    default int execv(String path, String[] argv) {
        return execve(path, argv, environ());
    }

    /** The environment the program was started with. */
    String[] environ();

    /** exit(2): never returns. Descriptors are closed, children go to init, the parent gets SIGCLD. */
    void exit(int status);

    /** waitpid(2): {@code pid} &gt; 0 one child, -1 any, 0 the caller's group, &lt; -1 group -pid; options {@link Wait}. */
    int waitpid(int pid, int[] status, int options);

    /** wait(2). */
    default int wait(int[] status) {
        return waitpid(-1, status, 0);
    }

    int getpid();

    int getppid();

    // ---- process groups and sessions

    /** setpgid(2). */
    int setpgid(int pid, int pgid);

    /** getpgrp(2). */
    int getpgrp();

    /** getpgid(2). */
    int getpgid(int pid);

    /** setsid(2). */
    int setsid();

    /** getsid(2). */
    int getsid(int pid);

    // ---- credentials

    int getuid();

    int geteuid();

    int getgid();

    int getegid();

    /** setuid(2): root sets real and effective ids; others may set the effective id to the real one. */
    int setuid(int uid);

    /** setgid(2). */
    int setgid(int gid);

    /**
     * setreuid(2): sets the real and effective user ids ({@code -1} leaves one as it is). Root may set either to any
     * id; anyone else may set the real id to the real or effective one, and the effective id to the real, effective or
     * saved one (else EPERM). Setting the real id, or an effective id other than the real one, makes the saved id the
     * new effective one. EINVAL for an id out of range.
     */
    int setreuid(int ruid, int euid);

    /** setregid(2): as {@link #setreuid} for the real and effective group ids. */
    int setregid(int rgid, int egid);

    /**
     * getgroups(2): {@code int getgroups(int gidsetsize, gid_t grouplist[])}, the supplementary groups into
     * {@code grouplist}; returns how many there are. With {@code gidsetsize} 0 only the count, the array untouched;
     * EINVAL when {@code gidsetsize} is non-zero and less than the count, EFAULT when the array is shorter.
     */
    int getgroups(int gidsetsize, int[] grouplist);

    /**
     * setgroups(2): {@code int setgroups(int ngroups, const gid_t grouplist[])}, the supplementary groups from the
     * first {@code ngroups} of {@code grouplist}. EPERM unless the effective user is the super-user; EINVAL for more
     * than {@link Sysconf#NGROUPS_MAX}, a negative count or a group id out of range.
     */
    int setgroups(int ngroups, int[] grouplist);

    // ---- signals (signal(2), sigaction(2), kill(2))

    /** kill(2): {@code pid} &gt; 0 one process, 0 the caller's group, -1 all it may signal, &lt; -1 group -pid. */
    int kill(int pid, int sig);

    /** signal(2): sets the disposition; returns the previous one, or null on error. */
    SignalHandler signal(int sig, SignalHandler handler);

    /** sigaction(2): {@code act} may be null; the previous action goes to {@code old[0]} when given. */
    int sigaction(int sig, Sigaction act, Sigaction[] old);

    /** sigprocmask(2): {@code how} from {@link Sigaction}; the previous mask goes to {@code old[0]}. */
    int sigprocmask(int how, int set, int[] old);

    /** sigpending(2): the pending signals as a mask. */
    int sigpending();

    /** pause(2): sleeps until a signal is caught; returns -1 with EINTR. */
    int pause();

    /** alarm(2): SIGALRM after {@code seconds} (0 cancels); returns the seconds left of the previous alarm. */
    int alarm(int seconds);

    /** sleep(3C): returns 0, or the seconds not slept when a caught signal woke it. */
    int sleep(int seconds);

    /** nanosleep(2), in nanoseconds; 0, or -1 with EINTR. */
    int nanosleep(long nanoseconds);

    // ---- files and descriptors

    /** open(2). */
    int open(String path, int flags, int mode);

    /** open(2) without O_CREAT. */
    default int open(String path, int flags) {
        return open(path, flags, 0);
    }

    /** close(2). */
    int close(int fd);

    /** read(2) into a program buffer. */
    int read(int fd, byte[] buf, int off, int len);

    /** write(2) from a program buffer. */
    int write(int fd, byte[] buf, int off, int len);

    /** read(2) into simulated memory at {@code addr}; EFAULT if the buffer is not all mapped writable. */
    long read(int fd, long addr, long len);

    /** write(2) from simulated memory at {@code addr}; EFAULT if the buffer is not all mapped readable. */
    long write(int fd, long addr, long len);

    /** lseek(2). */
    long lseek(int fd, long offset, int whence);

    /** dup(2). */
    int dup(int fd);

    /** dup2(3C). */
    int dup2(int fd, int fd2);

    /** fcntl(2) with an integer argument. */
    int fcntl(int fd, int cmd, int arg);

    /**
     * fcntl(2) record locks: F_GETLK (the first lock that would block {@code lock[0]} replaces it, or its type becomes
     * F_UNLCK), F_SETLK (EAGAIN when another process's lock is in the way), F_SETLKW (sleeps; EDEADLK when waiting
     * would deadlock, EINTR). A process's locks on a file go when it closes any descriptor of that file, and at exit.
     */
    int fcntl(int fd, int cmd, Flock[] lock);

    /** getrlimit(2): the limits of {@code resource} into {@code out[0]}. */
    int getrlimit(int resource, Rlimit[] out);

    /** setrlimit(2): raising the hard limit needs root (EPERM); cur may not exceed max (EINVAL). */
    int setrlimit(int resource, Rlimit limit);

    /** ulimit(2): UL_GETFSIZE returns the file size limit in 512-byte blocks; UL_SETFSIZE sets it. */
    long ulimit(int cmd, long newlimit);

    /** pipe(2): {@code fds[0]} reads, {@code fds[1]} writes. */
    int pipe(int[] fds);

    /** stat(2); null on error. */
    Stat stat(String path);

    /** fstat(2); null on error. */
    Stat fstat(int fd);

    /** mkdir(2). */
    int mkdir(String path, int mode);

    /** rmdir(2). */
    int rmdir(String path);

    /** unlink(2). */
    int unlink(String path);

    /** chdir(2). */
    int chdir(String path);

    /** getcwd(3C); null on error. */
    String getcwd();

    /**
     * statvfs(2): the file system {@code path} is on: its sizes, free blocks and files, id, type and flags; null on
     * error (the errors of finding {@code path}: ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG, EFAULT).
     */
    Statvfs statvfs(String path);

    /** lstat(2): as stat, but a symbolic link is described itself; null on error. */
    Stat lstat(String path);

    /**
     * mkfifo(3C): a FIFO at {@code path}. Opening it for reading waits for a writer and for writing waits for a
     * reader, unless O_NONBLOCK (a writer then fails with ENXIO while no reader has it open).
     */
    int mkfifo(String path, int mode);

    /** link(2): a new name {@code newPath} for the file {@code existing}. */
    int link(String existing, String newPath);

    /** symlink(2): a symbolic link at {@code path} holding {@code target}. */
    int symlink(String target, String path);

    /** readlink(2): what the symbolic link at {@code path} holds; null on error (EINVAL when it is not a link). */
    String readlink(String path);

    /** rename(2). */
    int rename(String from, String to);

    /** chmod(2): owner or root only (EPERM). */
    int chmod(String path, int mode);

    /** chown(2): root only (EPERM); -1 leaves that id as it is. */
    int chown(String path, int owner, int group);

    /** lchown(2): as chown, but a symbolic link's own owner and group change, not its target's. */
    int lchown(String path, int owner, int group);

    /**
     * utime(2): {@code int utime(const char *path, const struct utimbuf *times)}, {@code times} the access and
     * modification times in seconds ({@code actime}, {@code modtime}), or null for now. With null the owner or anyone
     * who may write the file (else EACCES); with times, the owner or root (else EPERM).
     */
    int utime(String path, long[] times);

    /** access(2): checks {@code amode} ({@link Fcntl} R_OK, W_OK, X_OK, F_OK) with the REAL user and group ids. */
    int access(String path, int amode);

    /** fchdir(2): the directory open on {@code fd} becomes the current directory. */
    int fchdir(int fd);

    /** chroot(2): root only (EPERM); {@code path} becomes the root for path resolution. */
    int chroot(String path);

    /**
     * mount(2): mounts a new file system of type {@code fstype} on the directory {@code target}, which then names its
     * root: {@link Mount#MEMFS} (a new, empty in-memory file system, as tmpfs) or {@link Mount#PROC} (another view of
     * the process file system). {@code source} is what the mount table (/proc/mounts) records it as, any name.
     * {@code flags}: {@link Mount#MS_RDONLY}. Root only (EPERM); ENODEV for another type, EINVAL for another flag,
     * ENOENT and ENOTDIR for the target, EBUSY when the target is the root or a mount point already.
     */
    int mount(String source, String target, String fstype, int flags);

    /**
     * umount(2): unmounts the file system whose root {@code target} names; what it held is gone. Root only (EPERM);
     * EINVAL when {@code target} is not a mount point; EBUSY while a file on it is open or mapped, a process has its
     * current or root directory on it, or another file system is mounted on it.
     */
    int umount(String target);

    /**
     * getdents(2): reads the next entries of the directory open on {@code fd} into {@code buf}; returns how many,
     * 0 at the end. The descriptor's offset remembers the position.
     */
    int getdents(int fd, Dirent[] buf);

    /** umask(2): sets the mask, returns the previous one. */
    int umask(int mask);

    // ---- terminals (ioctl(2) and termio(7); the tc* routines of the C library are these requests)

    /**
     * ioctl(2): the control request {@code request} of {@link Ioctl} on the device open on {@code fd}, with the argument
     * the request takes ({@code Termios}, {@code Termios[]}, {@code int[]} or null, as {@link Ioctl} says; another shape
     * is EFAULT). EBADF, ENOTTY for a descriptor that is not a character device, EINVAL for a request the device does
     * not know.
     */
    int ioctl(int fd, int request, Object arg);

    /**
     * tcgetattr(3C): the terminal's modes into {@code t[0]}. ENOTTY when {@code fd} is not a terminal; EBADF. isatty(3C)
     * is this call succeeding.
     */
    int tcgetattr(int fd, Termios[] t);

    /**
     * tcsetattr(3C): sets the terminal's modes, {@code actions} TCSANOW, TCSADRAIN or TCSAFLUSH (which discards input
     * not yet read; EINVAL for another). From a background process group of the terminal's session it sends SIGTTOU to
     * the group, unless the caller blocks or ignores it.
     */
    int tcsetattr(int fd, int actions, Termios t);

    /** tcgetpgrp(3C): the foreground process group of the controlling terminal open on {@code fd}; ENOTTY otherwise. */
    int tcgetpgrp(int fd);

    /**
     * tcsetpgrp(3C): {@code pgrp}, a group of the caller's session (else EPERM; EINVAL when not positive), becomes the
     * foreground process group of the controlling terminal open on {@code fd} (ENOTTY otherwise). A background caller
     * gets SIGTTOU unless it blocks or ignores it.
     */
    int tcsetpgrp(int fd, int pgrp);

    /** tcgetsid(3C): the session whose controlling terminal is open on {@code fd}; ENOTTY otherwise. */
    int tcgetsid(int fd);

    /** tcflush(3C): discards input not read ({@code queue} TCIFLUSH, TCIOFLUSH) or output not sent (TCOFLUSH). */
    int tcflush(int fd, int queue);

    /** tcdrain(3C): waits until the output written to the terminal has been sent. */
    int tcdrain(int fd);

    /** tcflow(3C): TCOOFF suspends output, TCOON restarts it, TCIOFF and TCION send STOP and START. */
    int tcflow(int fd, int action);

    // ---- memory (sbrk(2), mmap(2)...); loads and stores are the user CPU's: UserCpu

    /** sbrk(2): returns the old break, or -1 with ENOMEM. */
    long sbrk(long increment);

    /** brk(2). */
    int brk(long addr);

    /**
     * mmap(2): anonymous memory (MAP_ANONYMOUS, {@code fd} -1) or the pages of the regular file open on {@code fd}
     * from {@code off}; returns the address, or {@link Mman#MAP_FAILED} with errno set (EINVAL, ENOMEM, EBADF,
     * EACCES for a descriptor not open for reading, or not for writing with PROT_WRITE and MAP_SHARED; ENODEV for an
     * object that cannot be mapped).
     */
    long mmap(long addr, long len, int prot, int flags, int fd, long off);

    /** munmap(2). */
    int munmap(long addr, long len);

    /** msync(2): MAP_SHARED stores in the range reach the file now; {@code flags} from {@link Mman} (MS_SYNC...). */
    int msync(long addr, long len, int flags);

    /** mprotect(2). */
    int mprotect(long addr, long len, int prot);

    // ---- System V semaphores (semget(2), semop(2), semctl(2)) and message queues (msgget(2)...)

    /** semget(2): the identifier of the set for {@code key} with {@code nsems} semaphores. */
    int semget(long key, int nsems, int semflg);

    /** semop(2): performs every operation of {@code sops} atomically, sleeping unless IPC_NOWAIT. */
    int semop(int semid, Sembuf[] sops);

    /** semctl(2) with an integer argument: GETVAL, SETVAL, GETPID, GETNCNT, GETZCNT, IPC_RMID. */
    int semctl(int semid, int semnum, int cmd, int val);

    /** semctl(2) GETALL or SETALL with an array of one value per semaphore. */
    int semctl(int semid, int cmd, int[] values);

    /** semctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from {@code buf[0]}), SEM_STAT (by index). */
    int semctl(int semid, int cmd, SemidDs[] buf);

    /** shmget(2): the identifier of the shared-memory segment for {@code key}, of {@code size} bytes. */
    int shmget(long key, long size, int shmflg);

    /** shmat(2): attaches it at {@code addr} (0: the kernel chooses); returns the address, or -1. */
    long shmat(int shmid, long addr, int shmflg);

    /** shmdt(2): detaches the segment attached at {@code addr}. */
    int shmdt(long addr);

    /** shmctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from {@code buf[0]}), IPC_RMID, SHM_STAT (by index). */
    int shmctl(int shmid, int cmd, ShmidDs[] buf);

    /** msgget(2). */
    int msgget(long key, int msgflg);

    /** msgsnd(2): queues {@code len} bytes of {@code text} with type {@code mtype} (> 0). */
    int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg);

    /**
     * msgrcv(2): receives the first message of type {@code msgtyp} (0: any; &gt; 0: that type; &lt; 0: the lowest type at
     * most |msgtyp|) into {@code buf}; its type goes to {@code mtype[0]}; returns the bytes received.
     */
    int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg);

    /** msgctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from {@code buf[0]}), IPC_RMID, MSG_STAT (by index). */
    int msgctl(int msqid, int cmd, MsqidDs[] buf);

    // ---- time and CPU

    /** Simulated nanoseconds since boot (clock_gettime(CLOCK_MONOTONIC)). */
    long nanotime();

    /**
     * time(2): seconds since 00:00:00 UTC, January 1, 1970: the simulated seconds since boot (which starts at the
     * epoch), moved by what {@link #stime} set.
     */
    long time();

    /**
     * stime(2): {@code int stime(const time_t *tp)}, "sets the system's idea of the time and date", {@code seconds}
     * since the epoch; time(2) and the times files and IPC objects get count on from there. EPERM unless the effective
     * user is the super-user; EINVAL for a time before the epoch or past what the simulated clock can count.
     */
    int stime(long seconds);

    /** sched_yield(2). */
    int sched_yield();

    /** nice(2): adds {@code incr} to the nice value; returns the new value, -20..19 (System V: "the new nice value minus 20"). */
    int nice(int incr);

    /**
     * getpriority(2): the lowest nice value (-20..19) of the processes {@code which} ({@link Resource}) and
     * {@code who} name; -1 with errno set on error, so a caller clears errno first (-1 is a nice value too).
     */
    int getpriority(int which, int who);

    /**
     * setpriority(2): every process named gets nice value {@code prio}, clamped to -20..19; EACCES to lower one
     * unless root, EPERM for another user's process, ESRCH when none matched, EINVAL for a bad {@code which}.
     */
    int setpriority(int which, int who, int prio);

    /**
     * sched_setaffinity(2): the CPUs process {@code pid} (0: the caller) may run on, bit n for CPU n. EINVAL when
     * the mask names no CPU of this machine, ESRCH for no such process, EPERM for another user's process.
     */
    int sched_setaffinity(int pid, long mask);

    /** sched_getaffinity(2): the mask, or -1 with errno set. */
    long sched_getaffinity(int pid);

    /**
     * priocntl(2), reduced to setting a process's scheduling class and priority: {@code schedClass} is a class
     * the configured policy knows (the svr4 policy: "TS" or "RT"); raising priority or entering a real-time class
     * needs root (EPERM); EINVAL for a class or priority the policy refuses.
     */
    int priocntl(int pid, String schedClass, int priority);

    /** prctl(2): the IRIX process control operations of {@link Prctl}; EINVAL for one this kernel does not know. */
    long prctl(int option, long arg);

    /** prctl(2) with no argument (PR_MAXPROCS, PR_GETSTACKSIZE, PR_GETNSHARE, PR_TERMCHILD...). */
    default long prctl(int option) {
        return prctl(option, 0);
    }

    /** getrusage(2) for {@link Rusage#RUSAGE_SELF} or {@link Rusage#RUSAGE_CHILDREN}; null with EINVAL otherwise. */
    Rusage getrusage(int who);

    /** sysconf(3C). */
    long sysconf(int name);

    // ---- share groups (sproc(2), blockproc(2); prctl(2) above)
    /**
     * sproc(2), the system call: a new process in the caller's share group (the first call forms the group), starting
     * at {@code entry} with {@code arg}, sharing what {@code inh} asks of {@link Prctl}'s PR_S* bits (masked by what
     * the caller itself shares) and obeying its flag PR_BLOCK. Its stack is placed by the kernel with RLIMIT_STACK's
     * soft value as margin. Returns the child's pid, or -1 with errno ENOMEM, EAGAIN, EPERM. The C library arena, its
     * ENOSPC and the PR_NOLIBC flag that declines it are the C library's (sprocket.libc's Sproc), as in IRIX, where
     * the library's sproc joins the arena; the kernel ignores PR_NOLIBC.
     */
    int sproc(SprocEntry entry, int inh, long arg);

    /**
     * sprocsp(2): as {@link #sproc}, with the stack given: {@code sp} 0 lets the kernel place a stack leaving
     * {@code len} bytes of margin (EINVAL when {@code len} &lt; 8192); otherwise {@code sp} is the top of a stack the
     * caller manages (rounded down to 8 bytes; the kernel does not grow it).
     */
    int sprocsp(SprocEntry entry, int inh, long arg, long sp, long len);

    /**
     * clone(2), the Linux personality of share groups: a child in the caller's share group starting at {@code fn},
     * sharing what {@link Clone}'s flags ask (CLONE_VM: the address space; CLONE_FILES: the descriptor table;
     * CLONE_FS: root and current directory and umask; CLONE_SIGHAND: the signal handlers, which needs CLONE_VM), with
     * the stack {@code childStack} (0: the kernel places one, as sproc does). The low byte must be SIGCHLD. EINVAL for
     * any other flag; otherwise the errors of sproc (without the C library arena).
     */
    int clone(ProcessEntry fn, long childStack, int flags);

    /**
     * blockproc(2): decrements {@code pid}'s block count; while it is negative the process sleeps (a blocked process
     * wakes only for signals that kill it). EINVAL, ESRCH, EPERM (another user's process) as the manual gives them.
     */
    int blockproc(int pid);

    /** unblockproc(2): increments {@code pid}'s block count, waking it when the count is no longer negative. */
    int unblockproc(int pid);

    /**
     * setblockproccnt(2): sets {@code pid}'s block count to {@code count} (PR_MINBLOCKCNT..PR_MAXBLOCKCNT, else
     * EINVAL); a negative count blocks the process, a count of 0 or more unblocks it.
     */
    int setblockproccnt(int pid, int count);

    /** blockprocall(2): {@link #blockproc} on every member of {@code pid}'s share group. */
    int blockprocall(int pid);

    /** unblockprocall(2): {@link #unblockproc} on every member of {@code pid}'s share group. */
    int unblockprocall(int pid);

    /** setblockproccntall(2): {@link #setblockproccnt} on every member of {@code pid}'s share group. */
    int setblockproccntall(int pid, int count);

    // ---- sockets (socket(2), bind(2), listen(2), accept(2), connect(2), send(2), recv(2), sendmsg(2), recvmsg(2),
    //      shutdown(2), socketpair(2), getsockname(2), getpeername(2); unix(7) and the loopback interface of ip(7))

    /**
     * socket(2): a new socket, at the lowest free descriptor. {@code domain} AF_UNIX or AF_INET ({@link Socket}),
     * {@code type} SOCK_STREAM or SOCK_DGRAM, {@code protocol} 0 or the one the type implies (IPPROTO_TCP,
     * IPPROTO_UDP). EAFNOSUPPORT, ESOCKTNOSUPPORT, EPROTONOSUPPORT, EMFILE.
     */
    int socket(int domain, int type, int protocol);

    /** socketpair(2): two connected AF_UNIX sockets of {@code type} into {@code sv[0]} and {@code sv[1]}. */
    int socketpair(int domain, int type, int protocol, int[] sv);

    /**
     * bind(2): names the socket. An AF_UNIX path becomes a socket node in the file system (EADDRINUSE if the name
     * exists; it stays after close until unlinked); an AF_INET address is 127.0.0.1 or INADDR_ANY with a port
     * (0: an ephemeral one; EADDRINUSE when taken; EACCES below 1024 unless root). EINVAL when already bound.
     */
    int bind(int s, SockAddr name);

    /** listen(2): a bound stream socket accepts connections, queueing up to {@code backlog} (at most SOMAXCONN). */
    int listen(int s, int backlog);

    /**
     * accept(2): the first queued connection as a new socket at the lowest free descriptor, its peer's address into
     * {@code addr[0]} when {@code addr} is given; sleeps while none is queued (EAGAIN with O_NONBLOCK).
     */
    int accept(int s, SockAddr[] addr);

    /**
     * connect(2): a stream socket connects to a listener, at once while its backlog has room, else sleeping for
     * room (EAGAIN with O_NONBLOCK); ECONNREFUSED with no listener (an AF_UNIX path that is not a listening
     * socket), ENOENT for a missing path, EISCONN when connected. A datagram socket sets its default peer.
     */
    int connect(int s, SockAddr name);

    /**
     * sendto(2): sends {@code len} bytes; {@code to} is the destination of a datagram (null: the connected peer).
     * A datagram keeps its boundaries (EMSGSIZE when larger than the socket buffer); a stream socket whose peer is
     * gone gives SIGPIPE and EPIPE. {@code flags}: MSG_DONTWAIT (MSG_OOB: EOPNOTSUPP).
     */
    int sendto(int s, byte[] buf, int off, int len, int flags, SockAddr to);

    /**
     * recvfrom(2): receives up to {@code len} bytes, the sender's address into {@code from[0]} when given. A
     * datagram longer than {@code len} is cut and the rest lost; a stream returns 0 once the peer shut down or
     * closed and the data is read. {@code flags}: MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT.
     */
    int recvfrom(int s, byte[] buf, int off, int len, int flags, SockAddr[] from);

    /** send(2): sendto to the connected peer. */
    default int send(int s, byte[] buf, int off, int len, int flags) {
        return sendto(s, buf, off, len, flags, null);
    }

    /** recv(2): recvfrom without the sender's address. */
    default int recv(int s, byte[] buf, int off, int len, int flags) {
        return recvfrom(s, buf, off, len, flags, null);
    }

    /**
     * sendmsg(2): sendto with {@code msg}'s buffer and destination, and the descriptors of {@code msg.rights} as
     * an SCM_RIGHTS control message (AF_UNIX only; EBADF for one not open). Their open files are held while the
     * message is in flight.
     */
    int sendmsg(int s, Msghdr msg, int flags);

    /**
     * recvmsg(2): recvfrom into {@code msg}; descriptors passed with the data are installed at the lowest free
     * descriptors and listed in {@code msg.rights}; {@code msg.flags} gets MSG_TRUNC and MSG_CTRUNC.
     */
    int recvmsg(int s, Msghdr msg, int flags);

    /** shutdown(2): SHUT_RD, SHUT_WR or SHUT_RDWR; the peer reads end of file once SHUT_WR's data is read. */
    int shutdown(int s, int how);

    /** getsockname(2): the socket's own address into {@code name[0]}. */
    int getsockname(int s, SockAddr[] name);

    /** getpeername(2): the connected peer's address into {@code name[0]}; ENOTCONN when not connected. */
    int getpeername(int s, SockAddr[] name);
}
