package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nothing a user types makes the shell throw anything but its own errors: seeded random text, built from the
 * characters and words the grammar cares about, is parsed and its words expanded; a ShellError is an answer, any
 * other exception a bug.
 */
class RandomInputTest {
    private static final String[] PIECES = {
        " ", " ", "\n", ";", "&", "|", "&&", "||", ";;", "(", ")", "{", "}", "<", ">", ">>", "<<", "<<-", "<&", ">&",
        "2>&1", "'", "\"", "\\", "`", "$", "${", "}", "$(", "$((", "))", ":-", ":=", "#", "%", "##", "*", "?", "[", "]",
        "!", "~", "=", "x", "y=", "1", "echo", "if", "then", "elif", "else", "fi", "while", "until", "do", "done",
        "for", "in", "case", "esac", "f()", "EOF", "-", "+", "@", "0x1f", "/", "a.c",
    };

    @Test
    void random_text_gives_a_tree_or_a_syntax_error_and_its_words_expand_or_fail_as_the_shell_says() {
        Random random = new Random(12);
        int parsed = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
            String input = text.toString();
            try {
                List<Node> nodes = new ArrayList<>();
                Parser p = Parser.of(input);
                for (Node node; (node = p.command()) != null;) nodes.add(node);
                parsed++;
                for (Node node : nodes) expandAll(node);
            } catch (ShellError e) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("input " + quote(input) + " threw " + e, e);
            }
        }
        assertThat(parsed).as("some parse").isGreaterThan(1000);
        assertThat(refused).as("some are refused").isGreaterThan(1000);
    }

    @Test
    void random_scripts_run_on_the_real_kernel_end_with_a_status_and_leave_nothing_behind() {
        // No loop words: "until x" would never end. Everything else may be run: errors, jobs, redirections, traps.
        List<String> pieces = new ArrayList<>(List.of(PIECES));
        pieces.removeAll(List.of("while", "until", "do", "done"));
        pieces.addAll(List.of("cat", "true", "false", "trap", "exit", "wait", "set -e", "kill", "%1", "sleep 1",
                "eval", "read", "/tmp/x", "exec", "shift", "break", "return", "2>", "3<>"));
        Random random = new Random(7);
        for (int round = 0; round < 150; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) text.append(pieces.get(random.nextInt(pieces.size()))).append(' ');
            String script = text.toString();
            String config = Machine.CONFIGS.get(round % 2);
            try {
                Machine.Run r = Machine.sh(config, "some input\n", List.of("-c", script));
                // A shell that threw dies of SIGABRT with a core (134), and one of its children so is reported "Aborted".
                assertThat(r.status()).as(script).isNotEqualTo(134);
                assertThat(r.console()).as(script).doesNotContain("Aborted");
            } catch (RuntimeException e) {
                throw new AssertionError("script " + quote(script) + " on " + config + " threw " + e, e);
            }
        }
    }

    private static void expandAll(Node n) {
        Expander ex = new Expander(new FakeContext());
        if (n instanceof Node.Simple s) {
            try {
                ex.fields(s.words());
                for (Node.Assignment a : s.assignments()) ex.assignment(a.value());
                for (Node.Redirection r : s.redirections()) ex.string(r.target());
            } catch (ShellError e) {
                // an expansion error is the shell's answer
            }
        } else if (n instanceof Node.Sequence q) {
            q.items().forEach(RandomInputTest::expandAll);
        } else if (n instanceof Node.AndOr a) {
            expandAll(a.left());
            expandAll(a.right());
        } else if (n instanceof Node.Pipeline p) {
            p.commands().forEach(RandomInputTest::expandAll);
        }
        Unparse.text(n);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }
}
