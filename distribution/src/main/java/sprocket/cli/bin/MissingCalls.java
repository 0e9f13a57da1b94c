package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;

/**
 * The system calls some programs need and the kernel does not have yet. Each fails as a C library's wrapper fails
 * on a kernel without the call, with ENOSYS ("Function not implemented"), so the programs are written against the
 * real interface and report the gap honestly. When {@link Sys} gains a call, its method here becomes that call and
 * the programs work unchanged; docs/userland.md lists them with what each program needs.
 */
final class MissingCalls {

    private MissingCalls() {
    }

    private static int enosys(Sys sys) {
        sys.errno(Errno.ENOSYS);
        return -1;
    }

    /**
     * setpriority(2): {@code int setpriority(int which, id_t who, int prio)}, which PRIO_PROCESS, PRIO_PGRP or
     * PRIO_USER, the nice value of every process named; EPERM to lower it unless root, ESRCH when none matched.
     */
    static int setpriority(Sys sys, int which, int who, int prio) {
        return enosys(sys);
    }

    /** getpriority(2): {@code int getpriority(int which, id_t who)}, the lowest nice value of the processes named. */
    static int getpriority(Sys sys, int which, int who) {
        return enosys(sys);
    }

    /**
     * utime(2): {@code int utime(const char *path, const struct utimbuf *times)}, the access and modification times
     * of {@code path} set to {@code atime} and {@code mtime} (seconds), or to now when {@code now}.
     */
    static int utime(Sys sys, String path, long atime, long mtime, boolean now) {
        return enosys(sys);
    }

    /** lchown(2): {@code int lchown(const char *path, uid_t owner, gid_t group)}, chown of a symbolic link itself. */
    static int lchown(Sys sys, String path, int owner, int group) {
        return enosys(sys);
    }

    /**
     * statvfs(2): {@code int statvfs(const char *path, struct statvfs *buf)}, the file system's f_frsize, f_blocks,
     * f_bfree, f_bavail, f_files, f_ffree and f_basetype; into {@code buf} in that order (f_basetype aside).
     */
    static int statvfs(Sys sys, String path, long[] buf) {
        return enosys(sys);
    }

    /** stime(2): {@code int stime(const time_t *tp)}, root sets the system's time of day. */
    static int stime(Sys sys, long seconds) {
        return enosys(sys);
    }

    /** PRIO_PROCESS, PRIO_PGRP and PRIO_USER of sys/resource.h. */
    static final int PRIO_PROCESS = 0;
    static final int PRIO_PGRP = 1;
    static final int PRIO_USER = 2;
}
