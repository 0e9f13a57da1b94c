package sprocket.api.sys;

/**
 * {@code struct shmid_ds}: size, the last process to attach or detach, the creator, attachments, and times
 * (simulated seconds since boot).
 */
public record ShmidDs(IpcPerm perm, long segsz, int lpid, int cpid, int nattch, long atime, long dtime, long ctime) {
}
