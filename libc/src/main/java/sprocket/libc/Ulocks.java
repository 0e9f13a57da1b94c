package sprocket.libc;

/** IRIX {@code <ulocks.h>}: the usconfig(3P) commands and the arenas' limits. */
public final class Ulocks {
    /** Sets the most users of an arena made afterwards (the C library's included); returns the old value. */
    public static final int CONF_INITUSERS = 1;
    /** Sets the size in bytes of an arena made afterwards; returns the old value. */
    public static final int CONF_INITSIZE = 2;
    /** The most users of the arena given (0: of an arena made now). */
    public static final int CONF_GETUSERS = 3;
    /** The size of the arena given (0: of an arena made now). */
    public static final int CONF_GETSIZE = 4;
    /** usconfig(3P): "the initial value is 8". */
    public static final int DEFAULT_USERS = 8;
    /** usconfig(3P): "The maximum allowable is 10000 users". */
    public static final int MAX_USERS = 10_000;
    /** usconfig(3P): "The initial value is 65536 bytes". */
    public static final long DEFAULT_SIZE = 64 * 1024;
    /** The smallest arena CONF_INITSIZE accepts: one page. */
    public static final long MIN_SIZE = 4096;
    /** The largest arena CONF_INITSIZE accepts. */
    public static final long MAX_SIZE = 1L << 30;
    /** How many times ussetlock(3P) tries a held lock before it yields the CPU (IRIX's _USDEFSPIN). */
    public static final int USDEFSPIN = 600;
    /** usnewsema(3P): "[EINVAL] val is less than zero or greater than 30000". */
    public static final int MAX_SEMA_VALUE = 30_000;

    private Ulocks() {
    }
}
