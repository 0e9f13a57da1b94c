package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer and parser on their own: the tree each construct gives, and dash's words for each syntax error. */
class ParserTest {

    private static Node parse(String text) {
        return Parser.of(text).command();
    }

    private static List<Node> all(String text) {
        Parser p = Parser.of(text);
        List<Node> out = new ArrayList<>();
        for (Node n; (n = p.command()) != null;) out.add(n);
        return out;
    }

    private static String error(String text) {
        try {
            all(text);
        } catch (ShellError e) {
            return e.getMessage();
        }
        throw new AssertionError("no syntax error in: " + text);
    }

    @Test
    void and_or_lists_lean_left_and_bind_tighter_than_semicolons_and_ampersands() {
        Node n = parse("a | b && c || d; e &");
        Node.Sequence s = (Node.Sequence) n;
        Node.AndOr or = (Node.AndOr) s.items().get(0);
        assertThat(or.and()).isFalse();
        Node.AndOr and = (Node.AndOr) or.left();
        assertThat(and.and()).isTrue();
        assertThat(and.left()).isInstanceOf(Node.Pipeline.class);
        assertThat(((Node.Pipeline) and.left()).commands()).hasSize(2);
        assertThat(s.items().get(1)).isInstanceOf(Node.Background.class);
        assertThat(Unparse.text(n)).isEqualTo("a | b && c || d; e");
    }

    @Test
    void a_newline_ends_a_complete_command_so_each_is_parsed_when_its_turn_comes() {
        assertThat(all("echo a\n\n echo b; echo c\n")).hasSize(2);
    }

    @Test
    void reserved_words_count_only_where_a_command_starts() {
        Node n = parse("echo if then fi");
        assertThat(((Node.Simple) n).words()).extracting(Word::raw).containsExactly("echo", "if", "then", "fi");
        Node i = parse("if a; then b; elif c; then d; else e; fi");
        assertThat(Unparse.text(i)).isEqualTo("if a; then b; else if c; then d; else e; fi; fi");
        assertThat(parse("\"if\" x")).isInstanceOf(Node.Simple.class);
    }

    @Test
    void leading_assignments_are_assignments_and_later_ones_are_arguments() {
        Node.Simple s = (Node.Simple) parse("A=1 B=\"two words\" cmd C=3");
        assertThat(s.assignments()).extracting(Node.Assignment::name).containsExactly("A", "B");
        assertThat(s.assignments().get(1).value().raw()).isEqualTo("\"two words\"");
        assertThat(s.words()).extracting(Word::raw).containsExactly("cmd", "C=3");
        assertThat(Parser.assignment(Word.literal("1A=x"))).isNull();
    }

    @Test
    void digits_just_before_a_redirection_name_the_descriptor_and_otherwise_are_a_word() {
        Node.Simple s = (Node.Simple) parse("cmd 2>&1 3< in 4 >out >>app <&-");
        assertThat(s.words()).extracting(Word::raw).containsExactly("cmd", "4");
        assertThat(s.redirections()).extracting(Node.Redirection::fd).containsExactly(2, 3, 1, 1, 0);
        assertThat(s.redirections()).extracting(Node.Redirection::op).containsExactly(Node.RedirectionOp.DUP_OUT,
                Node.RedirectionOp.IN, Node.RedirectionOp.OUT, Node.RedirectionOp.APPEND, Node.RedirectionOp.DUP_IN);
    }

    @Test
    void here_document_bodies_come_from_the_lines_after_the_command_literal_when_the_delimiter_is_quoted() {
        Node n = parse("cat <<A <<-'B'; echo next\nbody $x\nA\n\t\ttabbed\n\tB\n");
        Node.Sequence s = (Node.Sequence) n;
        List<Node.Redirection> r = ((Node.Simple) s.items().get(0)).redirections();
        assertThat(r.get(0).here().literal).isFalse();
        assertThat(r.get(0).here().body.parts()).hasSize(3);
        assertThat(r.get(1).here().literal).isTrue();
        assertThat(r.get(1).here().body.raw()).isEqualTo("tabbed\n");
    }

    @Test
    void compound_commands_with_redirections_and_functions() {
        assertThat(parse("while read l; do echo $l; done < f")).isInstanceOf(Node.Redirected.class);
        Node.FunctionDefinition f = (Node.FunctionDefinition) parse("f() { echo hi; } > out");
        assertThat(f.name()).isEqualTo("f");
        assertThat(f.body()).isInstanceOf(Node.Redirected.class);
        Node.Case c = (Node.Case) parse("case $x in (a|b) one;; c) ;; *) two\nesac");
        assertThat(c.items()).hasSize(3);
        assertThat(c.items().get(1).body()).isNull();
        Node.For loop = (Node.For) parse("for i\ndo echo $i; done");
        assertThat(loop.words()).isNull();
    }

    @Test
    void words_keep_their_quoting_and_expansions_as_parts() {
        Node.Simple s = (Node.Simple) parse("echo a'b c'\"$x ${y:-d}\"\\  $(echo hi)`echo bq` $((1+2)) ~/f");
        List<WordPart> w = s.words().get(1).parts();
        assertThat(w.get(0)).isEqualTo(new WordPart.Literal("a"));
        assertThat(w.get(1)).isEqualTo(new WordPart.Quoted("b c"));
        assertThat(w.get(2)).isInstanceOf(WordPart.DoubleQuoted.class);
        assertThat(w.get(3)).isEqualTo(new WordPart.Quoted(" "));
        assertThat(s.words().get(2).parts()).hasSize(2).allMatch(p -> p instanceof WordPart.CommandSubstitution);
        assertThat(s.words().get(3).parts().get(0)).isInstanceOf(WordPart.Arithmetic.class);
        assertThat(s.words().get(4).parts().get(0)).isEqualTo(new WordPart.Tilde(""));
    }

    @Test
    void syntax_errors_read_as_dash_words_them() {
        assertThat(error("if true; then echo")).isEqualTo("Syntax error: end of file unexpected (expecting \"fi\")");
        assertThat(error("echo a; fi")).isEqualTo("Syntax error: \"fi\" unexpected");
        assertThat(error("if true; do")).isEqualTo("Syntax error: \"do\" unexpected (expecting \"then\")");
        assertThat(error(")")).isEqualTo("Syntax error: \")\" unexpected");
        assertThat(error("echo ;;")).isEqualTo("Syntax error: \";;\" unexpected");
        assertThat(error("echo >\n")).isEqualTo("Syntax error: newline unexpected");
        assertThat(error("echo >")).isEqualTo("Syntax error: end of file unexpected");
        assertThat(error("echo 'x")).isEqualTo("Syntax error: Unterminated quoted string");
        assertThat(error("echo ${x")).isEqualTo("Syntax error: Missing '}'");
        assertThat(error("echo $((1")).isEqualTo("Syntax error: Missing '))'");
        assertThat(error("echo `x")).isEqualTo("Syntax error: EOF in backquote substitution");
        assertThat(error("for 1 in a; do :; done")).isEqualTo("Syntax error: Bad for loop variable");
        assertThat(error("1f() { :; }")).isEqualTo("Syntax error: Bad function name");
        assertThat(error("case x in")).isEqualTo("Syntax error: end of file unexpected (expecting \")\")");
        assertThat(error("echo >&x")).isEqualTo("Syntax error: Bad fd number");
        assertThatThrownBy(() -> all("(".repeat(300))).hasMessageContaining("nested too deeply");
    }

    @Test
    void a_bad_substitution_is_found_only_when_it_is_expanded() {
        Node.Simple s = (Node.Simple) parse("echo ${x!} ${#x:-y}");
        assertThat(s.words().get(1).parts().get(0)).isEqualTo(new WordPart.Parameter("", WordPart.Op.BAD, false, null));
    }

    @Test
    void a_here_document_delimiter_is_compared_without_its_quotes() {
        assertThat(Word.literal("EOF").unquoted()).isEqualTo("EOF");
        Node.Simple s = (Node.Simple) parse("cat <<\"E\"'O'\\F\nx\nEOF\n");
        assertThat(s.redirections().get(0).here().body.raw()).isEqualTo("x\n");
    }
}
