package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.sys.Sys;

/** The same configuration and seed give the same event trace, byte for byte, on every backend and CPU count. */
class DeterminismTest {

    private static int workload(Sys sys, String[] argv) {
        int[] p = new int[2];
        sys.pipe(p);
        for (int i = 0; i < 6; i++) {
            int n = i;
            sys.fork(s -> {
                long a = s.sbrk(8192);
                for (int k = 0; k < 200; k++) s.cpu().store32(a + 4L * k, k * n);
                s.cpu().burn(50_000L * (n + 1));
                byte[] m = ("child " + n + " pid " + s.getpid() + "\n").getBytes();
                s.write(p[1], m, 0, m.length);
                return n;
            });
        }
        sys.close(p[1]);
        byte[] buf = new byte[512];
        int r;
        while ((r = sys.read(p[0], buf, 0, buf.length)) > 0) sys.write(1, buf, 0, r);
        while (sys.wait(new int[1]) > 0) {
            // reap them all
        }
        return 0;
    }

    @ParameterizedTest(name = "{0} with {1} CPUs, {2} lock")
    @CsvSource({"r2000,1,fine", "r2000,4,fine", "r2000,4,giant", "x86mps,2,giant", "x86mps,4,fine"})
    void the_same_seed_gives_the_same_trace_and_output(String hw, int cpus, String lock) {
        String[] settings = {"hw=" + hw, "hw.cpus=" + cpus, "kernel.lock=" + lock, "seed=42"};
        var a = Sim.with(settings).program("w", DeterminismTest::workload).run("w");
        var b = Sim.with(settings).program("w", DeterminismTest::workload).run("w");
        assertThat(a.status()).isZero();
        assertThat(b.console()).isEqualTo(a.console());
        assertThat(b.stats().toJson()).isEqualTo(a.stats().toJson());
        assertThat(a.stats().get("trace_events")).isNotEqualTo(0L);
    }
}
