package sprocket.kernel;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;

/**
 * What the permission matrix's set-user-ID cells run after the exec: the ids the image must have, then a setuid(2)
 * transition. Exits 0 when all is as asked, the errno of a refused transition, or 254 when an id is wrong.
 */
final class SetIdExec {
    private static final int WRONG = 254;

    private SetIdExec() {
    }

    /** {@code argv}: "t", "ids", real uid, effective uid, real gid, effective gid, then "-", "to-real-and-back" or "to-root". */
    static int check(Sys sys, String[] argv) {
        int ruid = Integer.parseInt(argv[2]);
        int euid = Integer.parseInt(argv[3]);
        if (sys.getuid() != ruid || sys.geteuid() != euid) return WRONG;
        if (sys.getgid() != Integer.parseInt(argv[4]) || sys.getegid() != Integer.parseInt(argv[5])) return WRONG;
        switch (argv[6]) {
            case "to-real-and-back" -> {
                // setuid(2): to the real id, then back to the saved set-user-ID.
                if (sys.setuid(ruid) != 0) return sys.errno();
                if (sys.geteuid() != ruid) return WRONG;
                if (sys.setuid(euid) != 0) return sys.errno();
                return sys.geteuid() == euid && sys.getuid() == ruid ? 0 : WRONG;
            }
            case "to-root" -> {
                return sys.setuid(0) == 0 ? 0 : sys.errno() == Errno.EPERM ? Errno.EPERM : WRONG;
            }
            default -> {
                return 0;
            }
        }
    }
}
