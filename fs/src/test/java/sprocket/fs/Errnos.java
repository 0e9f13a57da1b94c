package sprocket.fs;

import sprocket.api.ErrnoException;

/** A vnode operation's failure as a test names it. */
public final class Errnos {

    private Errnos() {
    }

    /** 0, or the errno {@code call} failed with. */
    public static int errno(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }
}
