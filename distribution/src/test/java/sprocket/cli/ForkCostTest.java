package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Costs that grow with the work. Mauro, "Inside Solaris: Peeling back the process layers": "the average fork took 1.137
 * milliseconds, while the average thread create took .017 milliseconds ... about 67 times faster". Fork of a large
 * process write-protects every resident page's entry; sproc(PR_SADDR) shares the address space and protects none, so
 * the ratio comes out of the page-table work the machine does, not out of two constants.
 */
class ForkCostTest {
    private static final Pattern CALL = Pattern.compile("the call: +fork +(\\d+) ns, +sproc +(\\d+) ns");

    private static long[] sprocbench(String config, String pages) {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.memory=160M", config, "sprocbench", "1",
                pages);
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = CALL.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86mps", "irix-r2000"})
    void fork_of_a_64_mib_process_costs_tens_to_hundreds_of_sprocs_and_grows_with_its_pages(String name) {
        String config = Path.of("..", "configs", name + ".conf").toString();
        long[] small = sprocbench(config, "64");
        long[] large = sprocbench(config, "16384");
        // Barton and Wagner: for a small process sproc is "slightly less" than fork.
        assertThat((double) small[0] / small[1]).isBetween(1.0, 4.0);
        // Seed figure 67x: the same direction and order of magnitude.
        assertThat((double) large[0] / large[1]).isBetween(30.0, 700.0);
        // The fork grows with the resident pages (256 times more of them); sproc does not.
        assertThat(large[0]).isGreaterThan(50 * small[0]);
        assertThat((double) large[1]).isCloseTo(small[1], Percentage.withPercentage(1));
    }
}
