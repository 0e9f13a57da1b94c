package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Program;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * ipcs(1): "prints certain information about active inter-process communication facilities" — the message
 * queues ({@code -q}), shared memory ({@code -m}) and semaphore sets ({@code -s}), all three when none is named,
 * in the SVR4 layout with the {@code -o} and {@code -b} columns always on (CBYTES, QNUM, QBYTES for queues,
 * NATTCH and SEGSZ for shared memory, NSEMS for sets). The objects are found by MSG_STAT, SHM_STAT and SEM_STAT on
 * index 0, 1, 2... until EINVAL. Owners and groups print as numbers, as SVR4 ipcs does for an id with no password
 * or group entry (there is no /etc/passwd here).
 */
public final class Ipcs implements Program {

    private static final String USAGE = "usage: ipcs [-mqs]\n";
    /** SVR4 ipcs's common column heading ({@code chdr}); the rows below line up under it. */
    static final String HEADING = "T         ID      KEY        MODE        OWNER    GROUP";
    /** ctime(3)'s layout: "Thu Jan  1 00:00:05 1970". */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);

    @Override
    public String name() {
        return "ipcs";
    }

    @Override
    public String summary() {
        return "ipcs [-mqs]: list the live message queues, shared memory segments and semaphore sets";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean queues = false;
        boolean memory = false;
        boolean semaphores = false;
        Getopt g = new Getopt(sys, argv, "qms");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'q' -> queues = true;
                case 'm' -> memory = true;
                case 's' -> semaphores = true;
                default -> {
                    return usage(sys, "");
                }
            }
        }
        if (g.optind() < argv.length) return usage(sys, "");
        if (!queues && !memory && !semaphores) queues = memory = semaphores = true;

        StringBuilder out = new StringBuilder();
        // time(2) counts from boot, so the simulated clock starts at the epoch.
        out.append("IPC status from <running system> as of ")
                .append(CTIME.format(LocalDateTime.ofEpochSecond(sys.time(), 0, ZoneOffset.UTC))).append('\n');
        boolean ok = true;
        if (queues) ok = queues(sys, out);
        if (memory) ok = memory(sys, out) && ok;
        if (semaphores) ok = semaphores(sys, out) && ok;
        if (Stdio.fputs(sys, STDOUT_FILENO, out.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "ipcs: write");
            return 1;
        }
        return ok ? 0 : 1;
    }

    private static boolean queues(Sys sys, StringBuilder out) {
        out.append(HEADING).append(" CBYTES  QNUM QBYTES\nMessage Queues:\n");
        MsqidDs[] buf = new MsqidDs[1];
        for (int index = 0; ; index++) {
            buf[0] = null;
            int id = sys.msgctl(index, IpcFlags.MSG_STAT, buf);
            if (id == -1) {
                if (sys.errno() == Errno.EINVAL) return true;
                // SVR4 ipcs passes over an object msgctl will not describe to this caller.
                if (sys.errno() == Errno.EACCES) continue;
                Strerror.perror(sys, "ipcs: msgctl");
                return false;
            }
            MsqidDs q = buf[0];
            // msg.h: MSG_WWAIT (02000) and MSG_RWAIT (01000) show a sender or a receiver waiting.
            row(out, 'q', "SRrw-rw-rw-", q.perm(), id);
            column(out, q.cbytes(), 7);
            column(out, q.qnum(), 6);
            column(out, q.qbytes(), 7);
            out.append('\n');
        }
    }

    private static boolean memory(Sys sys, StringBuilder out) {
        out.append(HEADING).append(" NATTCH  SEGSZ\nShared Memory:\n");
        ShmidDs[] buf = new ShmidDs[1];
        for (int index = 0; ; index++) {
            buf[0] = null;
            int id = sys.shmctl(index, IpcFlags.SHM_STAT, buf);
            if (id == -1) {
                if (sys.errno() == Errno.EINVAL) return true;
                if (sys.errno() == Errno.EACCES) continue;
                Strerror.perror(sys, "ipcs: shmctl");
                return false;
            }
            // shm.h: SHM_DEST (02000), removed but still attached; SHM_INIT (01000), to be cleared on first attach.
            row(out, 'm', "DCrw-rw-rw-", buf[0].perm(), id);
            column(out, buf[0].nattch(), 7);
            column(out, buf[0].segsz(), 7);
            out.append('\n');
        }
    }

    private static boolean semaphores(Sys sys, StringBuilder out) {
        out.append(HEADING).append(" NSEMS\nSemaphores:\n");
        SemidDs[] buf = new SemidDs[1];
        for (int index = 0; ; index++) {
            buf[0] = null;
            int id = sys.semctl(index, IpcFlags.SEM_STAT, buf);
            if (id == -1) {
                if (sys.errno() == Errno.EINVAL) return true;
                if (sys.errno() == Errno.EACCES) continue;
                Strerror.perror(sys, "ipcs: semctl");
                return false;
            }
            // A semaphore's permissions are read and alter (semget(2)), hence "ra".
            row(out, 's', "--ra-ra-ra-", buf[0].perm(), id);
            column(out, buf[0].nsems(), 6);
            out.append('\n');
        }
    }

    /**
     * The columns every facility shares, as SVR4's hp() prints them: type, identifier, key, the eleven mode
     * characters (bit 02000 down to 01, each either its letter from {@code modes} or '-'), owner and group.
     */
    static void row(StringBuilder out, char type, String modes, IpcPerm perm, int id) {
        out.append(type).append(' ');
        column(out, id, 10);
        out.append("   ").append(key(perm.key())).append(' ');
        for (int i = 0, bit = 02000; bit != 0; i++, bit >>= 1) {
            out.append((perm.mode() & bit) != 0 ? modes.charAt(i) : '-');
        }
        column(out, perm.uid(), 9);
        column(out, perm.gid(), 9);
    }

    /**
     * The key as "0x" and eight hex digits, a 32-bit key_t's; a key wider than that gets all its digits. (C's
     * {@code %#8.8x} drops the "0x" for IPC_PRIVATE's 0 and shifts that row; the prefix is kept so rows line up.)
     */
    static String key(long key) {
        boolean keyT = key >= Integer.MIN_VALUE && key <= 0xffffffffL;
        String hex = Long.toHexString(keyT ? key & 0xffffffffL : key);
        return "0x" + "0".repeat(Math.max(0, 8 - hex.length())) + hex;
    }

    /** printf's {@code %<width>d}: right-aligned, never cut. */
    private static void column(StringBuilder out, long value, int width) {
        String s = Long.toString(value);
        for (int pad = width - s.length(); pad > 0; pad--) out.append(' ');
        out.append(s);
    }

    private static int usage(Sys sys, String why) {
        Stdio.fputs(sys, STDERR_FILENO, why + USAGE);
        return 2;
    }
}
