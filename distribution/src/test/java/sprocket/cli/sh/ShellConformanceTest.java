package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shell against the table of conformance cases (quoting, expansion order, field splitting, exit statuses of
 * pipelines, redirections onto each descriptor, set -e, case patterns, functions, loops, subshells, here-documents,
 * errors): each runs as {@code sh -c} on both simulated machines, whose kernels must end every run with nothing
 * left over, and on the host's dash, which must give the same output and status unless the case says why not.
 */
class ShellConformanceTest {
    private static final Path TABLE = Path.of("src/test/resources/sprocket/cli/sh/conformance.txt");

    @TestFactory
    Stream<DynamicNode> each_case_gives_the_expected_output_and_status() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Cases.Case c : Cases.read(TABLE).all()) {
            List<DynamicTest> runs = new ArrayList<>();
            for (String config : Machine.CONFIGS) {
                runs.add(DynamicTest.dynamicTest(Path.of(config).getFileName().toString(), () -> {
                    Machine.Run r = Machine.script(config, c.script(), c.stdin());
                    assertThat(r.console()).as("output of\n%s", c.script()).isEqualTo(c.out());
                    assertThat(r.status()).as("status of\n%s\n%s", c.script(), r.console()).isEqualTo(c.status());
                }));
            }
            runs.add(DynamicTest.dynamicTest("dash", () -> {
                Assumptions.assumeTrue(Dash.present(), "no /usr/bin/dash on this host: the case is not compared with dash");
                Assumptions.assumeTrue(c.notDash() == null, "deliberately unlike dash: " + c.notDash());
                Machine.Run r = Dash.script(c.script(), c.stdin());
                assertThat(r.console()).as("dash's output of\n%s", c.script()).isEqualTo(c.out());
                assertThat(r.status()).as("dash's status of\n%s", c.script()).isEqualTo(c.status());
            }));
            nodes.add(DynamicContainer.dynamicContainer(c.name(), runs));
        }
        return nodes.stream();
    }
}
