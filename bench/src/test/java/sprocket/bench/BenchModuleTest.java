package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class BenchModuleTest {
    @Test
    void module_is_sprocket_bench_exports_nothing_and_provides_the_ten_programs() {
        ModuleDescriptor d = Harness.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.bench");
        assertThat(d.exports()).isEmpty();
        assertThat(d.uses()).containsExactlyInAnyOrder("sprocket.api.sched.SchedulerProvider",
                "sprocket.api.hw.HardwareProvider");
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("sprocket.api.sys.Program");
            assertThat(p.providers()).containsExactly("sprocket.bench.NullSyscall", "sprocket.bench.YieldPair",
                    "sprocket.bench.ForkWait", "sprocket.bench.PausedChildren", "sprocket.bench.PageTouch",
                    "sprocket.bench.CowFork", "sprocket.bench.Spinners", "sprocket.bench.PipePingPong",
                    "sprocket.bench.PipeStream", "sprocket.bench.ShmCycle");
        });
    }
}
