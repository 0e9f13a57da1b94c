package sprocket.sched.tck;

import java.util.List;
import java.util.SplittableRandom;
import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * The generated workloads, as programs the kit installs in /bin: {@code tck KIND SEED CPUS} forks a seeded mix of
 * {@code tck-cpu} (burns cycles) and {@code tck-io} (short bursts between nanosleeps) children, some pinned by the
 * parent to a random set of CPUs with sched_setaffinity(2), reaps them all, and prints each exit in the order it happened, so
 * the console records the schedule.
 */
final class Workload {

    /** What the children do. */
    enum Kind {
        CPU("cpu"), IO("io"), MIXED("mixed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }

        static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) return k;
            }
            throw new IllegalArgumentException("no workload " + word);
        }
    }

    /** Printed last by a workload whose every child exited with status 0. */
    static final String DONE = "tck: every child exited normally";

    /** A CPU-bound child's work comes in slices, so a policy sees it preempted many times. */
    private static final long BURN_SLICE = 20_000;

    private Workload() {
    }

    /** The programs a kit run installs. */
    static List<Program> programs() {
        return List.of(program("tck", "the scheduler test kit's workload: tck cpu|io|mixed SEED CPUS", Workload::parent),
                program("tck-cpu", "burns CYCLES cycles: tck-cpu CYCLES", Workload::cpuBound),
                program("tck-io", "ROUNDS short bursts between sleeps: tck-io ROUNDS BURST SLEEP_NS", Workload::ioBound));
    }

    private static int parent(Sys sys, String[] argv) {
        Kind kind = Kind.of(argv[1]);
        long seed = Long.parseLong(argv[2]);
        int cpus = Integer.parseInt(argv[3]);
        SplittableRandom random = new SplittableRandom(seed * 31 + kind.ordinal());
        int children = cpus + 1 + random.nextInt(cpus + 2);
        for (int i = 0; i < children; i++) {
            boolean io = switch (kind) {
                case CPU -> false;
                case IO -> true;
                case MIXED -> random.nextBoolean();
            };
            String[] args = io
                    ? new String[] {"tck-io", Integer.toString(3 + random.nextInt(6)),
                            Long.toString(2_000 + random.nextLong(20_000)), Long.toString(100_000 + random.nextLong(2_000_000))}
                    : new String[] {"tck-cpu", Long.toString(100_000 + random.nextLong(700_000))};
            // About a third of the children may use only some CPUs (any non-empty subset).
            long mask = cpus > 1 && random.nextInt(3) == 0 ? 1 + random.nextLong((1L << cpus) - 1) : 0;
            int pid = sys.fork(child -> {
                child.execv("/bin/" + args[0], args);
                return 127;
            });
            if (pid < 0) {
                Stdio.puts(sys, "tck: fork failed, errno " + sys.errno());
                return 1;
            }
            // The parent pins the child (queued, running elsewhere, or not yet run); ESRCH: it has already exited.
            if (mask != 0 && sys.sched_setaffinity(pid, mask) != 0 && sys.errno() != Errno.ESRCH) {
                Stdio.puts(sys, "tck: sched_setaffinity(" + pid + ", 0x" + Long.toHexString(mask) + ") failed, errno "
                        + sys.errno());
                return 1;
            }
        }
        int normal = 0;
        int[] status = new int[1];
        for (int pid; (pid = sys.wait(status)) > 0;) {
            boolean ok = Wait.WIFEXITED(status[0]) && Wait.WEXITSTATUS(status[0]) == 0;
            if (ok) normal++;
            Stdio.puts(sys, "tck: pid " + pid + (ok ? " exited" : " ended abnormally, status 0x"
                    + Integer.toHexString(status[0])));
        }
        if (normal != children) {
            Stdio.puts(sys, "tck: " + normal + " of " + children + " children exited normally");
            return 1;
        }
        Stdio.puts(sys, DONE);
        return 0;
    }

    private static int cpuBound(Sys sys, String[] argv) {
        long left = Long.parseLong(argv[1]);
        while (left > 0) {
            long n = Math.min(left, BURN_SLICE);
            sys.cpu().burn(n);
            left -= n;
        }
        return 0;
    }

    private static int ioBound(Sys sys, String[] argv) {
        int rounds = Integer.parseInt(argv[1]);
        long burst = Long.parseLong(argv[2]);
        long sleep = Long.parseLong(argv[3]);
        for (int i = 0; i < rounds; i++) {
            sys.cpu().burn(burst);
            if (sys.nanosleep(sleep) != 0) return 3;
        }
        return 0;
    }

    private static Program program(String name, String summary, Main main) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int main(Sys sys, String[] argv) {
                return main.run(sys, argv);
            }
        };
    }

    @FunctionalInterface
    private interface Main {
        int run(Sys sys, String[] argv);
    }
}
