package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * pipeline [RECORDS [SIZE]]: a producer and a consumer joined by a pipe, as a shell's {@code producer | consumer}
 * is: the producer writes RECORDS records of SIZE bytes (each stamped with its number), the consumer reads until
 * EOF, checks every record arrived whole and in order, and reports; the parent waits for both.
 */
public final class Pipeline implements sprocket.api.sys.Program {
    private static final int MAX_SIZE = 65536;

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String summary() {
        return "pipeline [RECORDS [SIZE]]: producer | consumer over a pipe; checks order and EOF";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length > 3) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: pipeline [RECORDS [SIZE]]\n");
            return 2;
        }
        long records = argv.length > 1 ? Strtol.number(argv[1], 1, 1_000_000) : 1000;
        long size = argv.length > 2 ? Strtol.number(argv[2], 8, MAX_SIZE) : 512;
        if (records == Strtol.BAD_NUMBER || size == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "pipeline: RECORDS must be 1..1000000 and SIZE 8.." + MAX_SIZE + "\n");
            return 2;
        }
        int[] p = new int[2];
        if (sys.pipe(p) != 0) {
            Strerror.perror(sys, "pipeline: pipe");
            return 1;
        }
        long start = sys.cpu().cycles();
        int producer = sys.fork(s -> produce(s, p, (int) records, (int) size));
        int consumer = producer < 0 ? -1 : sys.fork(s -> consume(s, p, (int) records, (int) size));
        if (producer < 0 || consumer < 0) Strerror.perror(sys, "pipeline: fork");
        // The parent holds neither end, or the consumer would never see EOF.
        sys.close(p[0]);
        sys.close(p[1]);
        boolean ok = producer >= 0 && consumer >= 0;
        if (!Reap.all(sys, "pipeline", (producer >= 0 ? 1 : 0) + (consumer >= 0 ? 1 : 0))) ok = false;
        if (ok) {
            Stdio.fputs(sys, STDOUT_FILENO, "pipeline: " + records + " records of " + size + " bytes passed in order, "
                    + (sys.cpu().cycles() - start) + " cycles\n");
        }
        return ok ? 0 : 1;
    }

    private static int produce(Sys sys, int[] p, int records, int size) {
        sys.close(p[0]);
        byte[] record = new byte[size];
        for (int i = 0; i < records; i++) {
            stamp(record, i);
            if (!Stdio.writeAll(sys, p[1], record, 0, size)) {
                Strerror.perror(sys, "pipeline: producer: write");
                return 1;
            }
        }
        return sys.close(p[1]) == 0 ? 0 : 1;
    }

    private static int consume(Sys sys, int[] p, int records, int size) {
        sys.close(p[1]);
        byte[] record = new byte[size];
        for (int i = 0; i < records; i++) {
            int got = 0;
            while (got < size) {
                int n = sys.read(p[0], record, got, size - got);
                if (n < 0 && sys.errno() == Errno.EINTR) continue;
                if (n <= 0) {
                    Stdio.fputs(sys, STDERR_FILENO, "pipeline: consumer: "
                            + (n == 0 ? "early end of file" : Strerror.strerror(sys.errno()))
                            + " at record " + i + "\n");
                    return 1;
                }
                got += n;
            }
            if (number(record) != i) {
                Stdio.fputs(sys, STDERR_FILENO, "pipeline: consumer: record " + i + " arrived as record "
                        + number(record) + "\n");
                return 1;
            }
        }
        // read(2) on a pipe whose writers are all gone: 0, end of file.
        if (sys.read(p[0], record, 0, 1) != 0) {
            Stdio.fputs(sys, STDERR_FILENO, "pipeline: consumer: no end of file after the last record\n");
            return 1;
        }
        return 0;
    }

    private static void stamp(byte[] record, int n) {
        for (int b = 0; b < 4; b++) record[b] = (byte) (n >>> (8 * b));
        for (int b = 4; b < record.length; b++) record[b] = (byte) (n + b);
    }

    private static int number(byte[] record) {
        int n = 0;
        for (int b = 0; b < 4; b++) n |= (record[b] & 0xff) << (8 * b);
        for (int b = 4; b < record.length; b++) {
            if (record[b] != (byte) (n + b)) return -1;
        }
        return n;
    }
}
