package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A pipeline of five commands carrying 1 MiB: every byte arrives, on both machines. The wall time of each run is
 * printed, not asserted (a test never asserts on wall time); docs/BENCHMARKS.md records the figure.
 */
class PipelineThroughputTest {
    /** 16 bytes doubled 16 times: 1 MiB, and echo's newline. */
    private static final String SCRIPT = """
            s=0123456789abcdef
            for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do s="$s$s"; done
            echo "$s" > big
            s=
            cat big | cat | cat | cat | wc -c
            """;

    @Test
    void five_commands_pass_a_mebibyte_through_four_pipes_intact() {
        for (String config : Machine.CONFIGS) {
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                Machine.Run r = Machine.script(config, SCRIPT, "");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.console().strip()).isEqualTo("1048577");
                assertThat(r.status()).isZero();
                System.out.printf("sh: 5-command pipeline over 1 MiB on %s: %d ms wall (boot included), run %d%n",
                        config, ms, run + 1);
            }
        }
    }

    @Test
    void the_same_script_without_the_pipeline_for_comparison() {
        String prelude = SCRIPT.substring(0, SCRIPT.indexOf("cat big"));
        for (String config : Machine.CONFIGS) {
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                Machine.Run r = Machine.script(config, prelude + "wc -c < big\n", "");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.console().strip()).isEqualTo("1048577");
                System.out.printf("sh: the same without the pipeline on %s: %d ms wall, run %d%n", config, ms, run + 1);
            }
        }
    }
}
