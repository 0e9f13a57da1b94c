package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * msgping [ROUNDS]: two processes play ping-pong over one private message queue. The parent sends a message of
 * type {@link #PING} carrying the round number, the child answers with a {@link #PONG} carrying it back, ROUNDS
 * times; the parent checks every answer, reaps the child, removes the queue, and prints the rounds and the
 * cycles one round trip took on its cycle counter. Each side that fails removes the queue, so the other's
 * msgrcv(2) returns EIDRM instead of waiting forever.
 */
public final class Msgping implements Program {

    static final long DEFAULT_ROUNDS = 1000;
    static final long MAX_ROUNDS = 1_000_000;
    /** The parent's message type; the child receives only these, so it never takes back its own answer. */
    static final long PING = 1;
    static final long PONG = 2;
    /** A message is the round number, eight bytes big-endian. */
    private static final int SIZE = 8;
    private static final String USAGE = "usage: msgping [rounds]\n";

    @Override
    public String name() {
        return "msgping";
    }

    @Override
    public String summary() {
        return "msgping [ROUNDS]: parent and child ping-pong over a System V message queue; cycles per round trip";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("--")) a++;
        if (argv.length - a > 1) return usage(sys, "");
        long rounds = a < argv.length ? Strtol.number(argv[a], 1, MAX_ROUNDS) : DEFAULT_ROUNDS;
        if (rounds == Strtol.BAD_NUMBER) {
            return usage(sys, "msgping: rounds must be a number from 1 to " + MAX_ROUNDS + "\n");
        }

        int q = sys.msgget(IpcFlags.IPC_PRIVATE, IpcFlags.IPC_CREAT | 0600);
        if (q == -1) {
            Strerror.perror(sys, "msgping: msgget");
            return 1;
        }
        int child = sys.fork(c -> pong(c, q, rounds));
        if (child == -1) {
            Strerror.perror(sys, "msgping: fork");
            sys.msgctl(q, IpcFlags.IPC_RMID, null);
            return 1;
        }
        long start = sys.cpu().cycles();
        boolean pinged = ping(sys, q, rounds);
        long elapsed = sys.cpu().cycles() - start;
        boolean ok = pinged;

        int[] status = new int[1];
        int pid;
        do {
            pid = sys.waitpid(child, status, 0);
        } while (pid == -1 && sys.errno() == Errno.EINTR);
        if (pid == -1) {
            Strerror.perror(sys, "msgping: waitpid");
            ok = false;
        } else if (ok && !Reap.succeeded(sys, "msgping", pid, status[0])) {
            ok = false;
        }
        // A failed ping already removed the queue to release the child.
        if (pinged && sys.msgctl(q, IpcFlags.IPC_RMID, null) == -1) {
            Strerror.perror(sys, "msgping: msgctl");
            ok = false;
        }
        if (!ok) return 1;
        if (Stdio.fputs(sys, STDOUT_FILENO, "msgping: " + rounds + " rounds, " + elapsed / rounds
                + " cycles per round trip\n") == Stdio.EOF) {
            Strerror.perror(sys, "msgping: write");
            return 1;
        }
        return 0;
    }

    /** The parent's side: send each round's number and expect it back. */
    private static boolean ping(Sys sys, int q, long rounds) {
        byte[] out = new byte[SIZE];
        byte[] in = new byte[SIZE];
        long[] type = new long[1];
        for (long r = 0; r < rounds; r++) {
            put(out, r);
            if (send(sys, q, PING, out, SIZE) == -1) {
                fail(sys, q, "msgping: msgsnd");
                return false;
            }
            int n = receive(sys, q, type, in, PONG);
            if (n == -1) {
                fail(sys, q, "msgping: msgrcv");
                return false;
            }
            if (n != SIZE || type[0] != PONG || get(in) != r) {
                Stdio.fputs(sys, STDERR_FILENO, "msgping: round " + r
                        + ": the answer was not the round's number back\n");
                sys.msgctl(q, IpcFlags.IPC_RMID, null);
                return false;
            }
        }
        return true;
    }

    /** The child's side: answer each ping with its own contents. */
    private static int pong(Sys sys, int q, long rounds) {
        byte[] buf = new byte[SIZE];
        long[] type = new long[1];
        for (long r = 0; r < rounds; r++) {
            int n = receive(sys, q, type, buf, PING);
            if (n == -1) {
                fail(sys, q, "msgping: child: msgrcv");
                return 1;
            }
            if (send(sys, q, PONG, buf, n) == -1) {
                fail(sys, q, "msgping: child: msgsnd");
                return 1;
            }
        }
        return 0;
    }

    /**
     * Reports a failed call and removes the queue so the other side stops waiting; a queue already removed means
     * the other side failed first and has said why.
     */
    private static void fail(Sys sys, int q, String what) {
        if (sys.errno() == Errno.EIDRM) return;
        Strerror.perror(sys, what);
        // The other side may have removed it meanwhile, having failed too.
        if (sys.msgctl(q, IpcFlags.IPC_RMID, null) == -1 && sys.errno() != Errno.EINVAL) {
            Strerror.perror(sys, "msgping: msgctl");
        }
    }

    private static int send(Sys sys, int q, long type, byte[] text, int len) {
        int r;
        do {
            r = sys.msgsnd(q, type, text, len, 0);
        } while (r == -1 && sys.errno() == Errno.EINTR);
        return r;
    }

    private static int receive(Sys sys, int q, long[] type, byte[] buf, long want) {
        int n;
        do {
            n = sys.msgrcv(q, type, buf, buf.length, want, 0);
        } while (n == -1 && sys.errno() == Errno.EINTR);
        return n;
    }

    private static void put(byte[] b, long v) {
        for (int i = SIZE - 1; i >= 0; i--, v >>>= 8) b[i] = (byte) v;
    }

    private static long get(byte[] b) {
        long v = 0;
        for (int i = 0; i < SIZE; i++) v = v << 8 | (b[i] & 0xff);
        return v;
    }

    private static int usage(Sys sys, String why) {
        Stdio.fputs(sys, STDERR_FILENO, why + USAGE);
        return 2;
    }
}
