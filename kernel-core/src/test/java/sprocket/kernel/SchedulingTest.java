package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPUs in parallel: the same CPU-bound work on four CPUs takes about a quarter of the simulated time of one. */
class SchedulingTest {

    private static long burn(int cpus, String lock) {
        var o = Sim.with("hw.cpus=" + cpus, "kernel.lock=" + lock).program("b", (sys, argv) -> {
            for (int i = 0; i < 8; i++) {
                sys.fork(s -> {
                    s.cpu().burn(2_000_000);
                    return 0;
                });
            }
            while (sys.wait(new int[1]) > 0) {
                // reap
            }
            return 0;
        }).run("b");
        assertThat(o.status()).isZero();
        return o.stats().simulatedCycles();
    }

    @Test
    void four_cpus_finish_cpu_bound_work_about_four_times_sooner_than_one() {
        long one = burn(1, "fine");
        long four = burn(4, "fine");
        assertThat(one).isGreaterThanOrEqualTo(16_000_000L);
        assertThat((double) one / four).isBetween(3.6, 4.0);
    }

    @Test
    void the_giant_lock_makes_cpus_spin_when_they_enter_the_kernel_together() {
        var o = Sim.with("hw.cpus=4", "kernel.lock=giant").program("t", (sys, argv) -> {
            for (int i = 0; i < 4; i++) {
                sys.fork(s -> {
                    for (int k = 0; k < 2000; k++) s.getpid();
                    return 0;
                });
            }
            while (sys.wait(new int[1]) > 0) {
                // reap
            }
            return 0;
        }).run("t");
        assertThat((Long) o.stats().get("kernel_lock_spin_cycles")).isPositive();
    }
}
