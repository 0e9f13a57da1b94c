package sprocket.cli.sh;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.libc.Tty;

/**
 * The terminal calls job control needs and the system call interface does not have yet: isatty(3C), tcgetpgrp(3C)
 * and tcsetpgrp(3C). The shell reaches the terminal only through this seam; {@link #NONE} answers as a descriptor
 * that is not a terminal does (ENOTTY), which is what every descriptor is until the kernel has a tty line
 * discipline. Then an implementation over the new calls replaces it in {@link Sh}.
 */
interface Terminal {

    /** isatty(3C): whether {@code fd} is a terminal; false with errno ENOTTY (or EBADF) if not. */
    boolean isatty(Sys sys, int fd);

    /** tcgetpgrp(3C): the foreground process group of the terminal on {@code fd}, or -1 with errno set. */
    int tcgetpgrp(Sys sys, int fd);

    /** tcsetpgrp(3C): makes {@code pgrp} the terminal's foreground process group; 0, or -1 with errno set. */
    int tcsetpgrp(Sys sys, int fd, int pgrp);

    /** No terminal: every descriptor answers ENOTTY, as one open on a file or pipe does. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean isatty(Sys sys, int fd) {
            return Tty.isatty(sys, fd);
        }

        @Override
        public int tcgetpgrp(Sys sys, int fd) {
            sys.errno(Errno.ENOTTY);
            return -1;
        }

        @Override
        public int tcsetpgrp(Sys sys, int fd, int pgrp) {
            sys.errno(Errno.ENOTTY);
            return -1;
        }
    };
}
