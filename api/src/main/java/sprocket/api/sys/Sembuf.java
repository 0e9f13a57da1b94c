package sprocket.api.sys;

/** {@code struct sembuf}: one semop(2) operation on semaphore {@code num}, with IPC_NOWAIT and SEM_UNDO flags. */
public record Sembuf(int num, int op, int flg) {
}
