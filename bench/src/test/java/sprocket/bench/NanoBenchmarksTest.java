package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JMH's annotation processor ran: bench/run.sh jmh finds the four nanosecond benchmarks in the jar. */
class NanoBenchmarksTest {
    @Test
    void the_benchmark_list_names_the_null_call_the_switch_the_tlb_hit_and_the_empty_run() throws Exception {
        String list;
        try (InputStream in = NanoBenchmarks.class.getModule().getResourceAsStream("META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList").isNotNull();
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String method : new String[] {"nullSyscall", "contextSwitch", "tlbHit", "emptyRun"}) {
            assertThat(list).contains("sprocket.bench.jmh_generated.NanoBenchmarks_" + method + "_jmhTest");
        }
    }
}
