package sprocket.cli.sh;

import sprocket.api.sys.Sys;
import sprocket.libc.Tty;

/**
 * The terminal calls job control needs: isatty(3C), tcgetpgrp(3C) and tcsetpgrp(3C). The shell reaches the terminal
 * only through this seam, so tests can watch what it asks: {@link #SYSTEM} is the kernel's terminal, {@link #NONE}
 * answers as a descriptor that is not a terminal does (ENOTTY).
 */
interface Terminal {

    /** isatty(3C): whether {@code fd} is a terminal; false with errno ENOTTY (or EBADF) if not. */
    boolean isatty(Sys sys, int fd);

    /** tcgetpgrp(3C): the foreground process group of the terminal on {@code fd}, or -1 with errno set. */
    int tcgetpgrp(Sys sys, int fd);

    /** tcsetpgrp(3C): makes {@code pgrp} the terminal's foreground process group; 0, or -1 with errno set. */
    int tcsetpgrp(Sys sys, int fd, int pgrp);

    /** The kernel's terminals, through the system calls. */
    Terminal SYSTEM = new Terminal() {
        @Override
        public boolean isatty(Sys sys, int fd) {
            return Tty.isatty(sys, fd);
        }

        @Override
        public int tcgetpgrp(Sys sys, int fd) {
            return sys.tcgetpgrp(fd);
        }

        @Override
        public int tcsetpgrp(Sys sys, int fd, int pgrp) {
            return sys.tcsetpgrp(fd, pgrp);
        }
    };
}
