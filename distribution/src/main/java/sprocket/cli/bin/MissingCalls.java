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

    /** stime(2): {@code int stime(const time_t *tp)}, root sets the system's time of day. */
    static int stime(Sys sys, long seconds) {
        return enosys(sys);
    }
}
