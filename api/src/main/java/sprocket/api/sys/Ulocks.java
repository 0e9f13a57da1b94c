package sprocket.api.sys;

/** IRIX {@code <ulocks.h>}: usconfig(3P) commands and the arena's limits. */
public final class Ulocks {
    /** Sets the most processes that may use an arena made afterwards (the C library's included); returns the old. */
    public static final int CONF_INITUSERS = 1;
    /** Sets the size in bytes of an arena made afterwards; returns the old. */
    public static final int CONF_INITSIZE = 2;
    /** The most users an arena made now would admit. */
    public static final int CONF_GETUSERS = 3;
    /** The size an arena made now would have. */
    public static final int CONF_GETSIZE = 4;
    /** The default number of arena users: "This maximum (default 8)". */
    public static final int DEFAULT_USERS = 8;
    /** The default arena size. */
    public static final long DEFAULT_SIZE = 64 * 1024;
    /** How many times ussetlock(3P) tries a held lock before it yields the CPU (IRIX's _USDEFSPIN). */
    public static final int USDEFSPIN = 600;

    private Ulocks() {
    }
}
