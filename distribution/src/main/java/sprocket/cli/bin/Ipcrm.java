package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * ipcrm(1): "removes one or more specified messages, semaphore or shared memory identifiers" — {@code -q msqid},
 * {@code -m shmid} and {@code -s semid} by identifier, {@code -Q msgkey}, {@code -M shmkey} and {@code -S semkey} by
 * key (msgget/shmget/semget with no flags, then IPC_RMID), in command-line order. A shared memory segment still
 * attached somewhere goes when its last attachment does (shmctl(2)). A failure is reported as SVR4 ipcrm's oops()
 * does ("ipcrm: msqid(5): not found") and the rest are still removed; exit 1 if any failed, 2 for a usage error
 * (then nothing is removed). Keys are decimal, or hexadecimal after "0x" as ipcs prints them.
 */
public final class Ipcrm implements Program {

    private static final String USAGE =
            "usage: ipcrm [ [-q msqid] [-m shmid] [-s semid]\n\t[-Q msgkey] [-M shmkey] [-S semkey] ... ]\n";

    @Override
    public String name() {
        return "ipcrm";
    }

    @Override
    public String summary() {
        return "ipcrm [-q MSQID] [-m SHMID] [-s SEMID] [-Q MSGKEY] [-M SHMKEY] [-S SEMKEY]...: remove message"
                + " queues, shared memory segments and semaphore sets";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        // Check the whole command line first, so that a typo in the last operand removes nothing.
        char[] options = new char[argv.length];
        long[] values = new long[argv.length];
        int n = 0;
        Getopt g = new Getopt(sys, argv, "q:m:s:Q:M:S:");
        for (int c; (c = g.getopt()) != -1;) {
            if (c == '?') return Usage.fail(sys, USAGE);
            char option = (char) c;
            String arg = g.optarg();
            long value = Character.isUpperCase(option) ? key(arg) : Strtol.number(arg, 0, Integer.MAX_VALUE);
            if (value == Strtol.BAD_NUMBER) {
                return usage(sys, "ipcrm: " + arg + ": not " + (Character.isUpperCase(option) ? "a key" : "an id")
                        + "\n");
            }
            options[n] = option;
            values[n++] = value;
        }
        if (g.optind() < argv.length || n == 0) return Usage.fail(sys, USAGE);

        int status = 0;
        for (int i = 0; i < n; i++) {
            if (!remove(sys, options[i], values[i])) status = 1;
        }
        return status;
    }

    private static boolean remove(Sys sys, char option, long value) {
        if (Character.isUpperCase(option) && value == IpcFlags.IPC_PRIVATE) {
            // IPC_PRIVATE names no one object: every get with it makes a new one.
            Stdio.fputs(sys, STDERR_FILENO, "ipcrm: illegal key: " + value + "\n");
            return false;
        }
        boolean removed = switch (option) {
            case 'q' -> sys.msgctl((int) value, IpcFlags.IPC_RMID, null) == 0;
            case 'm' -> sys.shmctl((int) value, IpcFlags.IPC_RMID, null) == 0;
            case 's' -> sys.semctl((int) value, 0, IpcFlags.IPC_RMID, 0) == 0;
            case 'Q' -> {
                int id = sys.msgget(value, 0);
                yield id != -1 && sys.msgctl(id, IpcFlags.IPC_RMID, null) == 0;
            }
            case 'M' -> {
                int id = sys.shmget(value, 0, 0);
                yield id != -1 && sys.shmctl(id, IpcFlags.IPC_RMID, null) == 0;
            }
            default -> {
                int id = sys.semget(value, 0, 0);
                yield id != -1 && sys.semctl(id, 0, IpcFlags.IPC_RMID, 0) == 0;
            }
        };
        if (!removed) oops(sys, what(option), value);
        return removed;
    }

    private static String what(char option) {
        return switch (option) {
            case 'q' -> "msqid";
            case 'm' -> "shmid";
            case 's' -> "semid";
            case 'Q' -> "msgkey";
            case 'M' -> "shmkey";
            default -> "semkey";
        };
    }

    /** SVR4 ipcrm's oops(): its own words for the errors it expects, and strerror for the rest. */
    private static void oops(Sys sys, String what, long value) {
        int e = sys.errno();
        String why = switch (e) {
            // ENOENT: no object has that key; EINVAL: no object has that id; EIDRM: it went while we looked.
            case Errno.ENOENT, Errno.EINVAL, Errno.EIDRM -> "not found";
            case Errno.EPERM -> "permission denied";
            default -> Strerror.strerror(e);
        };
        Stdio.fputs(sys, STDERR_FILENO, "ipcrm: " + what + "(" + value + "): " + why + "\n");
    }

    /** A key as ipcrm takes it: decimal, or hexadecimal after "0x"; {@link Strtol#BAD_NUMBER} for anything else. */
    static long key(String s) {
        if (!s.startsWith("0x") && !s.startsWith("0X")) return Strtol.number(s, Long.MIN_VALUE + 1, Long.MAX_VALUE);
        int digits = s.length() - 2;
        if (digits < 1 || digits > 16) return Strtol.BAD_NUMBER;
        long value = 0;
        for (int i = 2; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) return Strtol.BAD_NUMBER;
            value = value << 4 | d;
        }
        // 0x8000000000000000 is Strtol.BAD_NUMBER, which is just what a caller should see for it.
        return value;
    }

    private static int usage(Sys sys, String why) {
        Stdio.fputs(sys, STDERR_FILENO, why + USAGE);
        return 2;
    }
}
