package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Processes that fork, exec, sleep, yield and burn on several CPUs, migrating between them, each checking that
 * its memory holds what it stored: a wrong pmap on any CPU, a lost copy-on-write or a stale TLB entry shows up
 * as a wrong value. The run's end also checks the kernel's invariants (every frame free, every file closed).
 */
class MemoryStressTest {

    /** Stores a pattern, gives the CPU up in various ways, and checks the pattern; exit 0 when it held. */
    private static int worker(Sys sys, String[] argv) {
        long seed = Long.parseLong(argv[1]);
        SplittableRandom r = new SplittableRandom(seed);
        int words = 64 + r.nextInt(2048);
        long base = sys.sbrk(words * 8L);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < words; i++) sys.cpu().store64(base + 8L * i, seed * 31 + i * 7L + round);
            switch (r.nextInt(3)) {
                case 0 -> sys.sched_yield();
                case 1 -> sys.nanosleep(1_000_000L * (1 + r.nextInt(5)));
                default -> sys.cpu().burn(20_000 + r.nextInt(200_000));
            }
            for (int i = 0; i < words; i++) {
                if (sys.cpu().load64(base + 8L * i) != seed * 31 + i * 7L + round) return 1;
            }
        }
        return 0;
    }

    private static int spawner(Sys sys, String[] argv) {
        SplittableRandom r = new SplittableRandom(Long.parseLong(argv[1]));
        long shared = sys.sbrk(4096);
        sys.cpu().store64(shared, 42);
        int bad = 0;
        for (int i = 0; i < 24; i++) {
            long seed = r.nextLong();
            boolean exec = r.nextBoolean();
            boolean sleepFirst = r.nextBoolean();
            sys.fork(s -> {
                if (sleepFirst) s.nanosleep(500_000);
                if (s.cpu().load64(shared) != 42) return 2;
                s.cpu().store64(shared, seed);
                if (exec) s.execv("/bin/worker", new String[] {"worker", Long.toString(seed)});
                return worker(s, new String[] {"worker", Long.toString(seed)});
            });
        }
        int[] st = new int[1];
        while (sys.wait(st) > 0) {
            if (!Wait.WIFEXITED(st[0]) || Wait.WEXITSTATUS(st[0]) != 0) bad++;
        }
        if (sys.cpu().load64(shared) != 42) bad++;
        Sim.puts(sys, "bad " + bad);
        return bad == 0 ? 0 : 1;
    }

    @ParameterizedTest(name = "{0} with {1} CPUs, seed {2}")
    @CsvSource({"r2000,4,1", "r2000,3,2", "x86mps,4,3", "x86mps,2,4"})
    void memory_holds_what_each_process_stored_while_processes_migrate_between_cpus(String hw, int cpus, long seed) {
        var o = Sim.with("hw=" + hw, "hw.cpus=" + cpus, "seed=" + seed, "kernel.quantum=2000")
                .program("worker", MemoryStressTest::worker)
                .program("spawner", MemoryStressTest::spawner)
                .run("spawner", Long.toString(seed));
        assertThat(o.console()).isEqualTo("bad 0\n");
        assertThat(o.stats().counters().get("cow_copies")).isPositive();
        assertThat((Long) o.stats().get("tlb_misses")).isPositive();
    }
}
