package sprocket.api.sys;

/** {@code struct semid_ds}; times are simulated seconds since boot. */
public record SemidDs(IpcPerm perm, int nsems, long otime, long ctime) {
}
