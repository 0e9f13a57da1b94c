package sprocket.libc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * An entry of the utmp file (utmp(4)'s {@code struct utmp}) and the getut(3C) routines that read and write it:
 * "utmp ... contain[s] user and accounting information for such commands as who, write, and login". The file is
 * /var/adm/utmp, System V's place, a sequence of {@link #SIZE}-byte records laid out as the C structure is on the
 * big-endian MIPS: ut_user[8], ut_id[4], ut_line[12], short ut_pid, short ut_type, the exit status (two shorts),
 * time_t ut_time (32 bits); names padded with NULs and not NUL-terminated when they fill the field.
 */
public record Utmp(String user, String id, String line, int pid, int type, int termination, int exit, long time) {

    /** Where the file is. */
    public static final String UTMP_FILE = "/var/adm/utmp";
    /** Bytes in one record. */
    public static final int SIZE = 36;
    /** ut_type values, utmp(4)'s. */
    public static final int EMPTY = 0;
    public static final int RUN_LVL = 1;
    public static final int BOOT_TIME = 2;
    public static final int OLD_TIME = 3;
    public static final int NEW_TIME = 4;
    public static final int INIT_PROCESS = 5;
    public static final int LOGIN_PROCESS = 6;
    public static final int USER_PROCESS = 7;
    public static final int DEAD_PROCESS = 8;
    public static final int ACCOUNTING = 9;
    private static final int USER_LEN = 8;
    private static final int ID_LEN = 4;
    private static final int LINE_LEN = 12;

    /**
     * getutent(3C) over the whole file: every entry of {@code file}, in order; null with open(2)'s or read(2)'s errno
     * when it cannot be read. A short record at the end (a write cut off) is left out.
     */
    public static List<Utmp> entries(Sys sys, String file) {
        int fd = sys.open(file, Fcntl.O_RDONLY);
        if (fd < 0) return null;
        List<Utmp> all = new ArrayList<>();
        byte[] record = new byte[SIZE];
        try {
            while (true) {
                int got = readRecord(sys, fd, record);
                if (got < 0) return null;
                if (got < SIZE) return all;
                all.add(decode(record));
            }
        } finally {
            int errno = sys.errno();
            sys.close(fd);
            sys.errno(errno);
        }
    }

    /**
     * pututline(3C): "writes out the supplied utmp structure into the utmp file. It uses getutid to search forward for
     * the proper place if it finds that it is not already at the proper place": for INIT_PROCESS, LOGIN_PROCESS,
     * USER_PROCESS or DEAD_PROCESS the entry with the same ut_id and one of those types is replaced, else the entry
     * is added at the end. The file is made (0644) when there is none. 0, or -1 with the failing call's errno.
     */
    public static int pututline(Sys sys, String file, Utmp u) {
        int fd = sys.open(file, Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
        if (fd < 0) return -1;
        try {
            byte[] record = new byte[SIZE];
            long at = 0;
            while (true) {
                int got = readRecord(sys, fd, record);
                if (got < 0) return -1;
                if (got < SIZE) break;
                if (sameId(decode(record), u)) break;
                at += SIZE;
            }
            if (sys.lseek(fd, at, Fcntl.SEEK_SET) < 0) return -1;
            byte[] out = u.bytes();
            return sys.write(fd, out, 0, out.length) == out.length ? 0 : -1;
        } finally {
            int errno = sys.errno();
            sys.close(fd);
            sys.errno(errno);
        }
    }

    /** getutid(3C)'s match for the process types: "an entry whose type is one of these four and whose ut_id matches". */
    private static boolean sameId(Utmp e, Utmp u) {
        return process(u.type) && process(e.type) && e.id.equals(u.id);
    }

    private static boolean process(int type) {
        return type == INIT_PROCESS || type == LOGIN_PROCESS || type == USER_PROCESS || type == DEAD_PROCESS;
    }

    /** Reads up to a record into {@code b}: the bytes read (fewer at the end of the file), or -1. */
    private static int readRecord(Sys sys, int fd, byte[] b) {
        int got = 0;
        while (got < b.length) {
            int n = sys.read(fd, b, got, b.length - got);
            if (n < 0) return -1;
            if (n == 0) break;
            got += n;
        }
        return got;
    }

    /** The entry as the {@link #SIZE} bytes of its record in the file. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        field(b, user, USER_LEN);
        field(b, id, ID_LEN);
        field(b, line, LINE_LEN);
        b.putShort((short) pid).putShort((short) type).putShort((short) termination).putShort((short) exit);
        b.putInt((int) time);
        return b.array();
    }

    /** The entry a record's bytes hold. */
    public static Utmp decode(byte[] r) {
        ByteBuffer b = ByteBuffer.wrap(r);
        String user = field(b, USER_LEN);
        String id = field(b, ID_LEN);
        String line = field(b, LINE_LEN);
        int pid = b.getShort() & 0xffff;
        int type = b.getShort();
        int termination = b.getShort();
        int exit = b.getShort();
        long time = b.getInt() & 0xffffffffL;
        return new Utmp(user, id, line, pid, type, termination, exit, time);
    }

    private static void field(ByteBuffer b, String s, int len) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(bytes, 0, Math.min(len, bytes.length));
        for (int i = bytes.length; i < len; i++) b.put((byte) 0);
    }

    private static String field(ByteBuffer b, int len) {
        byte[] bytes = new byte[len];
        b.get(bytes);
        int n = 0;
        while (n < len && bytes[n] != 0) n++;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
}
