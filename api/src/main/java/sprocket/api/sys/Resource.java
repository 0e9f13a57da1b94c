package sprocket.api.sys;

/** sys/resource.h's {@code which} of getpriority(2) and setpriority(2). */
public final class Resource {
    /** {@code who} is a process id (0: the caller). */
    public static final int PRIO_PROCESS = 0;
    /** {@code who} is a process group id (0: the caller's group). */
    public static final int PRIO_PGRP = 1;
    /** {@code who} is a real user id (0: the caller's). */
    public static final int PRIO_USER = 2;

    private Resource() {
    }
}
