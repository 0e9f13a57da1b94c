package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/**
 * A program provider is installed as /bin/NAME, so its name must be one file name there: a path, an empty name or a
 * newline (where the executable header's name ends) is refused, as is a provider whose summary() throws, each with one line in the catalogue's
 * problems (as a provider that fails to load is), and the kernel boots and runs the other programs.
 */
class ProgramAdmissionTest {

    /** A program named {@code name} whose summary is {@code summary}, or throws when that is null. */
    private static Program program(String name, String summary) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                if (summary == null) throw new IllegalStateException("no summary today");
                return summary;
            }

            @Override
            public int main(Sys sys, String[] argv) {
                Sim.puts(sys, name + " ran");
                return 0;
            }
        };
    }

    @Test
    void programs_with_invalid_names_or_a_throwing_summary_are_skipped_with_one_line_each_and_the_rest_run() {
        Catalog c = Sim.CATALOG.withPrograms(List.of(program("../evil/x", "a path"), program("", "empty"),
                program(".", "dot"), program("a\nb", "a line break"), program("x".repeat(123), "too long"),
                program("loud", null), program("good", "works\nfine")));
        assertThat(c.problems()).hasSize(Sim.CATALOG.problems().size() + 6);
        assertThat(c.problems()).anySatisfy(m -> assertThat(m).contains("'../evil/x'").contains("'/'"))
                .anySatisfy(m -> assertThat(m).contains("its name '' is empty"))
                .anySatisfy(m -> assertThat(m).contains("'.' is not a file name"))
                .anySatisfy(m -> assertThat(m).contains("'a\\x0ab' holds a newline"))
                .anySatisfy(m -> assertThat(m).contains("is longer than 122 bytes"))
                .anySatisfy(m -> assertThat(m).contains("failed to load and was skipped")
                        .contains("no summary today"));
        assertThat(c.programs()).extracting(ProgramInfo::name).contains("good")
                .doesNotContain("../evil/x", "", ".", "a\nb", "loud");
        assertThat(c.programs()).filteredOn(p -> p.name().equals("good")).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("works fine"));
        var o = Sim.with().catalog(c).run("good");
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("good ran\n");
    }

    @Test
    void every_ascii_control_character_of_a_summary_becomes_a_space_and_nothing_else_changes() {
        Catalog c = Sim.CATALOG.withPrograms(List.of(program("ctl", "a\tb\rc\u0000d\u001be\u007ff \u00e9\u0085g"),
                program("plain", "nothing to change")));
        assertThat(c.programs()).filteredOn(p -> p.name().equals("ctl")).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("a b c d e f \u00e9\u0085g"));
        assertThat(c.programs()).filteredOn(p -> p.name().equals("plain")).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("nothing to change"));
    }

    @Test
    void a_name_read_once_at_discovery_is_the_one_installed_whatever_name_says_later() {
        int[] calls = new int[1];
        Program fickle = new Program() {
            @Override
            public String name() {
                return calls[0]++ == 0 ? "fickle" : "../elsewhere";
            }

            @Override
            public String summary() {
                return "changes its name";
            }

            @Override
            public int main(Sys sys, String[] argv) {
                Sim.puts(sys, "fickle ran");
                return 0;
            }
        };
        var o = Sim.with().catalog(Sim.CATALOG.withPrograms(List.of(fickle))).run("fickle");
        assertThat(o.console()).isEqualTo("fickle ran\n");
    }
}
