package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptTest {

    private static List<String> parse(String letters, String... argv) {
        Getopt g = new Getopt(argv, letters);
        List<String> seen = new ArrayList<>();
        for (int c; (c = g.next()) != -1;) seen.add(c == '?' ? "?" + g.optopt : String.valueOf((char) c));
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
    }

    @Test
    void an_unknown_letter_is_returned_as_a_question_mark_and_parsing_goes_on() {
        assertThat(parse("ab", "p", "-axb", "z")).containsExactly("a", "?x", "b", "|", "z");
        assertThat(parse("ab", "p")).containsExactly("|");
    }
}
