package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user-mode CPU's atomic primitive, as each machine has it. */
class UserCpuTest {

    @Test
    void test_and_set_costs_what_each_machines_atomic_primitive_costs() {
        // The R2000 has no read-modify-write instruction and goes through its bus lock unit; x86 MPS uses LOCK XCHG.
        long[] cost = new long[2];
        String[] machines = {"r2000", "x86mps"};
        for (int m = 0; m < 2; m++) {
            int mm = m;
            var o = Sim.with("hw=" + machines[m], "hw.cpus=1").program("t", (sys, argv) -> {
                long word = sys.sbrk(4096);
                sys.cpu().store32(word, 0);
                long t0 = sys.cpu().cycles();
                for (int i = 0; i < 100; i++) {
                    sys.cpu().test_and_set(word, 1);
                    sys.cpu().store32(word, 0);
                }
                long withTas = sys.cpu().cycles() - t0;
                t0 = sys.cpu().cycles();
                for (int i = 0; i < 100; i++) {
                    sys.cpu().store32(word, 1);
                    sys.cpu().store32(word, 0);
                }
                cost[mm] = (withTas - (sys.cpu().cycles() - t0)) / 100;
                return 0;
            }).run("t");
            assertThat(o.status()).isZero();
        }
        assertThat(cost[0]).isPositive();
        assertThat(cost[1]).isPositive();
        assertThat(cost[0]).isNotEqualTo(cost[1]);
    }
}
