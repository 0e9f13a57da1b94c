package sprocket.ipc;

import java.util.List;
import sprocket.api.spi.Conflict;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * The System V IPC table sizes and limits, SVR4's master.d/sem, master.d/msg and master.d/shm tunables, and the
 * socket buffer size and listen backlog limit, read once per boot. The names are the manual's (intro(2), semget(2),
 * msgsnd(2), shmget(2), listen(2)), lower case after the slot key.
 */
record IpcLimits(int semmni, int semmns, int semmsl, int semopm, int semvmx, int semaem, int semume, int semmnu,
        int msgmni, int msgmax, int msgmnb, int msgtql, long shmmin, long shmmax, int shmmni, int sockbuf,
        int somaxconn) {

    static final String SEMMNI = "ipc.semmni";
    static final String SEMMNS = "ipc.semmns";
    static final String SEMMSL = "ipc.semmsl";
    static final String SEMOPM = "ipc.semopm";
    static final String SEMVMX = "ipc.semvmx";
    static final String SEMAEM = "ipc.semaem";
    static final String SEMUME = "ipc.semume";
    static final String SEMMNU = "ipc.semmnu";
    static final String MSGMNI = "ipc.msgmni";
    static final String MSGMAX = "ipc.msgmax";
    static final String MSGMNB = "ipc.msgmnb";
    static final String MSGTQL = "ipc.msgtql";
    static final String SHMMIN = "ipc.shmmin";
    static final String SHMMAX = "ipc.shmmax";
    static final String SHMMNI = "ipc.shmmni";
    static final String SOCKBUF = "ipc.sockbuf";
    static final String SOMAXCONN = "ipc.somaxconn";

    /** The largest table: identifiers are seq * slots + slot, and seq must reach at least a few thousand. */
    private static final int MAX_SLOTS = 1 << 16;

    /** Every key the provider reads, with SVR4's shipped defaults. */
    static List<Tunable> tunables() {
        return List.of(
                Tunable.integer(SEMMNI, 10, 1, MAX_SLOTS, "semaphore sets system wide (semget(2) ENOSPC beyond)"),
                Tunable.integer(SEMMNS, 60, 1, 1 << 20, "semaphores system wide (semget(2) ENOSPC beyond)"),
                Tunable.integer(SEMMSL, 25, 1, 1 << 16, "semaphores per set (semget(2) EINVAL beyond)"),
                Tunable.integer(SEMOPM, 10, 1, 1 << 10, "operations per semop(2) call (E2BIG beyond)"),
                Tunable.integer(SEMVMX, 32767, 1, 65535, "the largest semaphore value (semop(2) ERANGE beyond)"),
                Tunable.integer(SEMAEM, 16384, 1, 32767, "the largest SEM_UNDO adjustment (semop(2) ERANGE beyond)"),
                Tunable.integer(SEMUME, 10, 1, 1 << 10, "SEM_UNDO entries per process (semop(2) EINVAL beyond)"),
                Tunable.integer(SEMMNU, 30, 1, 1 << 16, "processes holding SEM_UNDO entries (semop(2) ENOSPC beyond)"),
                Tunable.integer(MSGMNI, 50, 1, MAX_SLOTS, "message queues system wide (msgget(2) ENOSPC beyond)"),
                Tunable.integer(MSGMAX, 2048, 0, 1 << 24, "the longest message, in bytes (msgsnd(2) EINVAL beyond)"),
                Tunable.integer(MSGMNB, 4096, 0, 1 << 26, "a new queue's msg_qbytes: the bytes it may hold"),
                Tunable.integer(MSGTQL, 40, 1, 1 << 20, "messages queued system wide (msgsnd(2) waits beyond)"),
                Tunable.integer(SHMMIN, 1, 1, 1 << 20, "the smallest segment, in bytes (shmget(2) EINVAL below)"),
                Tunable.size(SHMMAX, "16M", 1, 1L << 30, "the largest segment (shmget(2) EINVAL beyond)"),
                Tunable.integer(SHMMNI, 100, 1, MAX_SLOTS, "shared memory segments (shmget(2) ENOSPC beyond)"),
                Tunable.integer(SOCKBUF, 16384, 64, 1 << 20,
                        "a socket's receive buffer in bytes (a larger datagram is EMSGSIZE)"),
                Tunable.integer(SOMAXCONN, 5, 1, 1024, "the longest listen(2) backlog (SOMAXCONN)"));
    }

    /** Limits no request could ever meet: shmget(2) refuses a size "less than SHMMIN or greater than SHMMAX". */
    static List<Conflict> conflicts(Settings s) {
        if (s.getLong(SHMMIN) > s.getSize(SHMMAX)) {
            return List.of(new Conflict(List.of(SHMMIN, SHMMAX),
                    "the smallest segment is larger than the largest, so shmget(2) would refuse every size"));
        }
        return List.of();
    }

    static IpcLimits from(Settings s) {
        return new IpcLimits(s.getInt(SEMMNI), s.getInt(SEMMNS), s.getInt(SEMMSL), s.getInt(SEMOPM),
                s.getInt(SEMVMX), s.getInt(SEMAEM), s.getInt(SEMUME), s.getInt(SEMMNU), s.getInt(MSGMNI),
                s.getInt(MSGMAX), s.getInt(MSGMNB), s.getInt(MSGTQL), s.getLong(SHMMIN), s.getSize(SHMMAX),
                s.getInt(SHMMNI), s.getInt(SOCKBUF), s.getInt(SOMAXCONN));
    }
}
