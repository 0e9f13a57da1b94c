package sprocket.api.sys;

/** {@code struct ipc_perm}: who owns and who created an IPC object, its mode, and its key and slot sequence. */
public record IpcPerm(long key, int uid, int gid, int cuid, int cgid, int mode, int seq) {
}
