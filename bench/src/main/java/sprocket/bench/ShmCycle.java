package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/**
 * bench-shm N KIB: N times in one process, shmget(2) a new private segment of KIB KiB, shmat(2) it where the
 * kernel chooses, shmdt(2) it and remove it with shmctl(2) IPC_RMID. No page of the segment is touched.
 */
public final class ShmCycle implements Program {
    @Override
    public String name() {
        return "bench-shm";
    }

    @Override
    public String summary() {
        return "benchmark: N cycles of shmget + shmat + shmdt + shmctl(IPC_RMID) on a KIB KiB segment";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] a = Args.counts(sys, argv, "N", "KIB");
        if (a == null) return 2;
        long size = a[1] << 10;
        for (long i = 0; i < a[0]; i++) {
            int id = sys.shmget(IpcFlags.IPC_PRIVATE, size, IpcFlags.IPC_CREAT | 0600);
            if (id < 0) return fail(sys, "shmget");
            long at = sys.shmat(id, 0, 0);
            if (at == -1) return fail(sys, "shmat");
            if (sys.shmdt(at) != 0) return fail(sys, "shmdt");
            if (sys.shmctl(id, IpcFlags.IPC_RMID, null) != 0) return fail(sys, "shmctl");
        }
        return 0;
    }

    private static int fail(Sys sys, String call) {
        Stdio.fputs(sys, STDERR_FILENO, "bench-shm: " + call + " failed, errno " + sys.errno() + "\n");
        return 1;
    }
}
