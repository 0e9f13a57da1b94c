package sprocket.fuzz.prog;

/**
 * What a generated call does: a system call (or a C library routine, or a user-mode instruction) by the family that
 * runs it, with the weight that makes it more or less frequent. Ops that start another program (a child, a new image,
 * a signal handler) carry that program's calls in their {@link Call#body()}.
 */
public enum Op {
    // files and directories
    OPEN(Family.FILES, 40), CLOSE(Family.FILES, 25), READ(Family.FILES, 30), WRITE(Family.FILES, 30),
    READ_MEM(Family.FILES, 8), WRITE_MEM(Family.FILES, 8), LSEEK(Family.FILES, 10), DUP(Family.FILES, 8),
    DUP2(Family.FILES, 8), FCNTL(Family.FILES, 12), FCNTL_LOCK(Family.FILES, 10), FSTAT(Family.FILES, 6),
    STAT(Family.FILES, 6), LSTAT(Family.FILES, 3), MKDIR(Family.FILES, 6), RMDIR(Family.FILES, 4),
    UNLINK(Family.FILES, 8), CHDIR(Family.FILES, 3), FCHDIR(Family.FILES, 2), GETCWD(Family.FILES, 2),
    MKFIFO(Family.FILES, 6), LINK(Family.FILES, 4), SYMLINK(Family.FILES, 4), READLINK(Family.FILES, 2),
    RENAME(Family.FILES, 5), CHMOD(Family.FILES, 4), CHOWN(Family.FILES, 3), ACCESS(Family.FILES, 3),
    UMASK(Family.FILES, 2), GETDENTS(Family.FILES, 4), MOUNT(Family.FILES, 2), UMOUNT(Family.FILES, 2),
    CHROOT(Family.FILES, 1), RLIMIT(Family.FILES, 5), ULIMIT(Family.FILES, 1),

    // pipes and sockets
    PIPE(Family.SOCKETS, 14), SOCKET(Family.SOCKETS, 10), SOCKETPAIR(Family.SOCKETS, 8), BIND(Family.SOCKETS, 8),
    LISTEN(Family.SOCKETS, 6), ACCEPT(Family.SOCKETS, 5), CONNECT(Family.SOCKETS, 8), SENDTO(Family.SOCKETS, 12),
    RECVFROM(Family.SOCKETS, 10), SENDMSG(Family.SOCKETS, 8), RECVMSG(Family.SOCKETS, 7),
    SHUTDOWN(Family.SOCKETS, 4), SOCKNAME(Family.SOCKETS, 3),

    // memory
    SBRK(Family.MEMORY, 8), BRK(Family.MEMORY, 3), MMAP(Family.MEMORY, 18), MUNMAP(Family.MEMORY, 10),
    MPROTECT(Family.MEMORY, 8), MSYNC(Family.MEMORY, 4), LOAD(Family.MEMORY, 12), STORE(Family.MEMORY, 14),
    TEST_AND_SET(Family.MEMORY, 4), BURN(Family.MEMORY, 4),

    // System V IPC
    SEMGET(Family.IPC, 8), SEMOP(Family.IPC, 10), SEMCTL(Family.IPC, 8), SHMGET(Family.IPC, 8),
    SHMAT(Family.IPC, 8), SHMDT(Family.IPC, 6), SHMCTL(Family.IPC, 6), MSGGET(Family.IPC, 8),
    MSGSND(Family.IPC, 10), MSGRCV(Family.IPC, 9), MSGCTL(Family.IPC, 6),

    // processes
    FORK(Family.PROCESSES, 10, Kind.CHILD), VFORK(Family.PROCESSES, 3, Kind.CHILD),
    EXEC(Family.PROCESSES, 4, Kind.IMAGE), EXIT(Family.PROCESSES, 2), WAITPID(Family.PROCESSES, 12),
    IDS(Family.PROCESSES, 6), PGRP(Family.PROCESSES, 6), SETUID(Family.PROCESSES, 4), KILL(Family.PROCESSES, 12),
    NICE(Family.PROCESSES, 3), YIELD(Family.PROCESSES, 3), AFFINITY(Family.PROCESSES, 4),
    PRIOCNTL(Family.PROCESSES, 3), PRCTL(Family.PROCESSES, 5), RUSAGE(Family.PROCESSES, 2),
    SYSCONF(Family.PROCESSES, 2), FORKS(Family.PROCESSES, 1),

    // signals
    SIGNAL(Family.SIGNALS, 5), SIGACTION(Family.SIGNALS, 8, Kind.HANDLER), SIGPROCMASK(Family.SIGNALS, 6),
    SIGPENDING(Family.SIGNALS, 2), PAUSE(Family.SIGNALS, 1), ALARM(Family.SIGNALS, 5), SLEEP(Family.SIGNALS, 3),
    NANOSLEEP(Family.SIGNALS, 6),

    // share groups and the IRIX arenas
    SPROC(Family.SHARE, 6, Kind.CHILD), SPROCSP(Family.SHARE, 3, Kind.CHILD), CLONE(Family.SHARE, 3, Kind.CHILD),
    BLOCKPROC(Family.SHARE, 5), USINIT(Family.SHARE, 3), USLOCK(Family.SHARE, 6), USSEMA(Family.SHARE, 6);

    /** Which class runs an op. */
    public enum Family { FILES, SOCKETS, MEMORY, IPC, PROCESSES, SIGNALS, SHARE }

    /** What an op's body is: none, a new process's calls, a new image's calls, or a signal handler's calls. */
    public enum Kind { PLAIN, CHILD, IMAGE, HANDLER }

    private final Family family;
    private final int weight;
    private final Kind kind;

    Op(Family family, int weight) {
        this(family, weight, Kind.PLAIN);
    }

    Op(Family family, int weight, Kind kind) {
        this.family = family;
        this.weight = weight;
        this.kind = kind;
    }

    public Family family() {
        return family;
    }

    /** How often the generator picks it, relative to the others. */
    public int weight() {
        return weight;
    }

    public Kind kind() {
        return kind;
    }

    /** The name a report shows: lower case, as the call is called. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
