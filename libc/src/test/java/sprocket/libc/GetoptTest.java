package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.sys.Fcntl;

/** getopt(3C), as POSIX gives it. */
class GetoptTest {
    private final Recorder r = new Recorder();

    /** Each option as its letter (with "=arg"), each error as "?x" or ":x", then "|" and the operands. */
    private List<String> parse(String optstring, String... argv) {
        Getopt g = new Getopt(r.sys, argv, optstring);
        List<String> seen = new ArrayList<>();
        for (int c; (c = g.getopt()) != -1;) {
            if (c == '?' || c == ':') {
                seen.add((char) c + String.valueOf((char) g.optopt()));
            } else {
                seen.add((char) c + (g.optarg() == null ? "" : "=" + g.optarg()));
            }
        }
        seen.add("|");
        seen.addAll(List.of(g.operands()));
        return seen;
    }

    @Test
    void grouped_and_separate_letters_are_the_same_and_the_first_operand_ends_the_options() {
        assertThat(parse("alR", "ls", "-la", "-R", "x", "-a")).containsExactly("l", "a", "R", "|", "x", "-a");
    }

    @Test
    void double_dash_ends_the_options_and_a_lone_dash_is_an_operand() {
        // getopt(3C): "The special option -- may be used to delimit the end of the options".
        assertThat(parse("v", "grep", "-v", "--", "-v", "f")).containsExactly("v", "|", "-v", "f");
        assertThat(parse("u", "cat", "-", "-u")).containsExactly("|", "-", "-u");
        assertThat(parse("u", "cat")).containsExactly("|");
    }

    @Test
    void an_option_argument_is_the_rest_of_the_word_or_the_next_word_whatever_it_looks_like() {
        // POSIX getopt: "optarg points to the next element of argv ... If the resulting value of optind is greater
        // than argc, this indicates a missing option-argument".
        assertThat(parse("t:o:r", "mount", "-tmemfs", "-r", "-o", "-ro", "none", "/mnt"))
                .containsExactly("t=memfs", "r", "o=-ro", "|", "none", "/mnt");
        assertThat(parse("rt:", "mount", "-rtproc", "x")).containsExactly("r", "t=proc", "|", "x");
        assertThat(parse("n:", "echoserver", "-n", "--", "unix")).containsExactly("n=--", "|", "unix");
    }

    @Test
    void an_unknown_letter_is_a_question_mark_with_getopts_message_and_parsing_goes_on() {
        assertThat(parse("ab", "p", "-axb", "z")).containsExactly("a", "?x", "b", "|", "z");
        assertThat(r.text(Fcntl.STDERR_FILENO)).isEqualTo("p: illegal option -- x\n");
    }

    @Test
    void a_missing_argument_is_a_question_mark_with_a_message_or_a_colon_in_silence() {
        assertThat(parse("t:", "mount", "-t")).containsExactly("?t", "|");
        assertThat(r.text(Fcntl.STDERR_FILENO)).isEqualTo("mount: option requires an argument -- t\n");
        // POSIX: "If the first character of optstring is a colon ... a colon is returned ... and no diagnostic".
        assertThat(parse(":t:", "mount", "-x", "-t")).containsExactly("?x", ":t", "|");
        assertThat(r.text(Fcntl.STDERR_FILENO)).isEqualTo("mount: option requires an argument -- t\n");
    }

    @Test
    void opterr_off_keeps_getopt_quiet_and_a_colon_is_never_an_option_letter() {
        Getopt g = new Getopt(r.sys, new String[] {"p", "-:"}, "a:");
        g.opterr(false);
        assertThat(g.getopt()).isEqualTo('?');
        assertThat(g.optopt()).isEqualTo(':');
        assertThat(g.getopt()).isEqualTo(-1);
        assertThat(g.optind()).isEqualTo(2);
        assertThat(r.text(Fcntl.STDERR_FILENO)).isEmpty();
    }
}
