package sprocket.api.sys;

/**
 * {@code struct msqid_ds}: messages and bytes queued, the byte limit, the last sender and receiver, and times
 * (simulated seconds since boot).
 */
public record MsqidDs(IpcPerm perm, long qnum, long qbytes, long cbytes, int lspid, int lrpid, long stime,
        long rtime, long ctime) {
}
