package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pattern matching notation (XCU 2.13) and the escapes the expander gives quoted characters. */
class PatternTest {

    @Test
    void star_and_question_mark() {
        assertThat(Pattern.matches("*", "")).isTrue();
        assertThat(Pattern.matches("a*b*c", "aXbYbc")).isTrue();
        assertThat(Pattern.matches("a*b", "aXbc")).isFalse();
        assertThat(Pattern.matches("?.c", "a.c")).isTrue();
        assertThat(Pattern.matches("?", "")).isFalse();
    }

    @Test
    void bracket_expressions_ranges_negation_classes_and_a_leading_bracket() {
        assertThat(Pattern.matches("[a-c]x", "bx")).isTrue();
        assertThat(Pattern.matches("[!a-c]x", "bx")).isFalse();
        assertThat(Pattern.matches("[^a-c]x", "dx")).isTrue();
        assertThat(Pattern.matches("[]]", "]")).isTrue();
        assertThat(Pattern.matches("[!]]", "a")).isTrue();
        assertThat(Pattern.matches("[a-]", "-")).isTrue();
        assertThat(Pattern.matches("[[:digit:][:upper:]]*", "7up")).isTrue();
        assertThat(Pattern.matches("[[:alpha:]]", "1")).isFalse();
        assertThat(Pattern.matches("[ab", "[ab")).as("an unclosed bracket is an ordinary character").isTrue();
    }

    @Test
    void escaped_characters_match_only_themselves() {
        assertThat(Pattern.matches("\\*", "*")).isTrue();
        assertThat(Pattern.matches("\\*", "x")).isFalse();
        assertThat(Pattern.matches(Pattern.quote("a*[b]?"), "a*[b]?")).isTrue();
        assertThat(Pattern.hasMeta(Pattern.quote("a*[b]?"))).isFalse();
        assertThat(Pattern.hasMeta("a[b]")).isTrue();
        assertThat(Pattern.hasMeta("a[b")).isFalse();
        assertThat(Pattern.unescape("a\\*b")).isEqualTo("a*b");
    }

    @Test
    void prefix_and_suffix_removal_finds_the_smallest_and_largest_match() {
        assertThat(Expander.remove("aXbXc", "*X", WordPart.Op.SMALL_PREFIX)).isEqualTo("bXc");
        assertThat(Expander.remove("aXbXc", "*X", WordPart.Op.LARGE_PREFIX)).isEqualTo("c");
        assertThat(Expander.remove("aXbXc", "X*", WordPart.Op.SMALL_SUFFIX)).isEqualTo("aXb");
        assertThat(Expander.remove("aXbXc", "X*", WordPart.Op.LARGE_SUFFIX)).isEqualTo("a");
        assertThat(Expander.remove("abc", "z*", WordPart.Op.LARGE_SUFFIX)).isEqualTo("abc");
    }
}
