package sprocket.libc;

import sprocket.api.sys.Layout;
import sprocket.api.sys.Sys;

/**
 * The C library's own variables, where a C library keeps its globals: in the process's data segment, at the start of
 * data ({@link Layout#DATA_BASE}), as a linker places a static libc's data and bss. fork(2) copies them
 * copy-on-write, a PR_SADDR share-group member shares them, exec(2) starts them afresh at zero; the JVM keeps
 * nothing, so runs and processes cannot leak into each other. A zero word means "not set": the default.
 */
final class LibcData {
    /** usconfig(CONF_INITUSERS): int, 0 for {@link Ulocks#DEFAULT_USERS}. */
    static final long INIT_USERS = Layout.DATA_BASE;
    /** usconfig(CONF_INITSIZE): long, 0 for {@link Ulocks#DEFAULT_SIZE}. */
    static final long INIT_SIZE = Layout.DATA_BASE + 8;
    /** The address of the C library arena sproc(2) made or joined: long, 0 for none yet. */
    static final long LIBC_ARENA = Layout.DATA_BASE + 16;
    /** The bytes of data the C library keeps for itself. */
    static final long BYTES = 256;

    private LibcData() {
    }

    /** CONF_INITUSERS as set, or -1 when the word holds what usconfig never stores (the program wrote over it). */
    static int initUsers(Sys sys) {
        int v = sys.cpu().load32(INIT_USERS);
        if (v == 0) return Ulocks.DEFAULT_USERS;
        return v >= 1 && v <= Ulocks.MAX_USERS ? v : -1;
    }

    /** CONF_INITSIZE as set, or -1 when the word holds what usconfig never stores. */
    static long initSize(Sys sys) {
        long v = sys.cpu().load64(INIT_SIZE);
        if (v == 0) return Ulocks.DEFAULT_SIZE;
        return v >= Ulocks.MIN_SIZE && v <= Ulocks.MAX_SIZE ? v : -1;
    }
}
