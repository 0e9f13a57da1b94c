package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Word expansion on its own (XCU 2.6), against a context with variables, positional parameters, a fixed file list
 * for pathname expansion and a marker for command substitution: the order of the expansions, field splitting and
 * quote removal.
 */
class ExpanderTest {

    private final FakeContext cx = new FakeContext();
    private final Expander ex = new Expander(cx);

    private List<String> fields(String words) {
        return ex.fields(((Node.Simple) Parser.of("cmd " + words).command()).words().subList(1,
                ((Node.Simple) Parser.of("cmd " + words).command()).words().size()));
    }

    @Test
    void quotes_are_removed_and_keep_blanks_and_pattern_characters() {
        assertThat(fields("'a  b' \"c  d\" e\\ f \"*.c\" '?'")).containsExactly("a  b", "c  d", "e f", "*.c", "?");
    }

    @Test
    void unquoted_expansions_are_split_at_ifs_and_globbed_quoted_ones_are_not() {
        cx.vars.set("x", " one  two ");
        cx.vars.set("p", "*.c");
        assertThat(fields("$x \"$x\" $p \"$p\" pre${x}post")).containsExactly("one", "two", " one  two ", "a.c",
                "b.c", "*.c", "pre", "one", "two", "post");
    }

    @Test
    void non_blank_ifs_characters_delimit_empty_fields_in_the_middle_but_not_at_the_end() {
        cx.vars.set("IFS", ":");
        cx.vars.set("x", "a::b:");
        assertThat(fields("$x")).containsExactly("a", "", "b");
        cx.vars.set("x", ":a");
        assertThat(fields("$x")).containsExactly("", "a");
        cx.vars.set("IFS", ": ");
        cx.vars.set("x", " a : b ");
        assertThat(fields("$x")).containsExactly("a", "b");
    }

    @Test
    void an_empty_unquoted_expansion_vanishes_and_empty_quotes_make_a_field() {
        cx.vars.set("e", "");
        assertThat(fields("$e \"\" '' $e\"\"")).containsExactly("", "", "");
    }

    @Test
    void at_and_star_give_fields_per_parameter_and_star_in_quotes_joins_with_the_first_ifs_character() {
        cx.vars.positional(List.of("a b", "", "c"));
        assertThat(fields("\"$@\"")).containsExactly("a b", "", "c");
        assertThat(fields("$@")).containsExactly("a", "b", "c");
        assertThat(fields("\"x$@y\"")).containsExactly("xa b", "", "cy");
        cx.vars.set("IFS", "-");
        assertThat(fields("\"$*\"")).containsExactly("a b--c");
        cx.vars.positional(List.of());
        assertThat(fields("\"$@\"")).isEmpty();
        assertThat(fields("\"$*\"")).containsExactly("");
    }

    @Test
    void parameter_operators_with_and_without_the_colon() {
        cx.vars.set("e", "");
        cx.vars.set("v", "val");
        assertThat(fields("${u-d} ${e-d} ${e:-d} ${v:+alt} ${u+alt}x ${#v}")).containsExactly("d", "d", "alt", "x", "3");
        assertThat(fields("${n=assigned}")).containsExactly("assigned");
        assertThat(cx.vars.get("n")).isEqualTo("assigned");
        assertThatThrownBy(() -> fields("${u?gone}")).hasMessage("u: gone");
        assertThatThrownBy(() -> fields("${e:?}")).hasMessage("e: parameter not set or null");
        assertThatThrownBy(() -> fields("${1=x}")).hasMessage("1: bad variable name");
    }

    @Test
    void pattern_removal_takes_the_smallest_or_largest_prefix_or_suffix() {
        cx.vars.set("p", "a/b/c.tar.gz");
        assertThat(fields("${p#*/} ${p##*/} ${p%.*} ${p%%.*} ${p#\"*\"}"))
                .containsExactly("b/c.tar.gz", "c.tar.gz", "a/b/c.tar", "a/b/c", "a/b/c.tar.gz");
    }

    @Test
    void special_parameters_and_positional_ones_beyond_nine() {
        cx.vars.positional(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"));
        assertThat(fields("$? $$ $0 $# ${10} $10")).containsExactly("3", "42", "sh", "10", "ten", "10");
    }

    @Test
    void a_command_substitutions_output_is_split_unless_quoted() {
        assertThat(fields("$(echo a b) \"$(echo c)\"")).containsExactly("<echo", "a", "b>", "<echo c>");
    }

    @Test
    void arithmetic_expands_its_operands_first() {
        cx.vars.set("x", "6");
        assertThat(fields("$((x * 7)) $(( $x + 1 )) $((010 + 0x10))")).containsExactly("42", "7", "24");
        assertThatThrownBy(() -> fields("$((1/0))")).hasMessage("arithmetic expression: division by zero: \"1/0\"");
        assertThatThrownBy(() -> fields("$((1+))")).hasMessage("arithmetic expression: expecting primary: \"1+\"");
    }

    @Test
    void tilde_expands_at_the_start_of_a_word_and_in_assignments_after_colons() {
        assertThat(fields("~ ~/x ~bin/y ~nobody \"~\" a~")).containsExactly("/home/me", "/home/me/x", "/bin/y",
                "~nobody", "~", "a~");
        Node.Simple s = (Node.Simple) Parser.of("P=~/a:~bin:x~").command();
        assertThat(ex.assignment(s.assignments().get(0).value())).isEqualTo("/home/me/a:/bin:x~");
    }

    @Test
    void results_of_expansions_are_not_expanded_again_and_set_u_makes_unset_an_error() {
        cx.vars.set("x", "$y `z` ~");
        assertThat(fields("\"$x\"")).containsExactly("$y `z` ~");
        cx.options.nounset = true;
        assertThatThrownBy(() -> fields("$unset")).hasMessage("unset: parameter not set");
        assertThat(fields("${unset-ok}")).containsExactly("ok");
    }

    @Test
    void set_f_turns_pathname_expansion_off() {
        cx.options.noglob = true;
        assertThat(fields("*.c")).containsExactly("*.c");
    }
}
