package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Arithmetic expansion's expression language (XCU 2.6.4): C's operators, precedence and integer rules. */
class ArithmeticTest {
    private final Variables vars = new Variables();

    private long eval(String expression) {
        return new Arithmetic(expression, vars, new Options()).evaluate();
    }

    @Test
    void precedence_and_associativity_are_cs() {
        assertThat(eval("1 + 2 * 3 - 4 / 2")).isEqualTo(5);
        assertThat(eval("2 - 3 - 4")).isEqualTo(-5);
        assertThat(eval("1 << 2 + 1")).isEqualTo(8);
        assertThat(eval("1 | 2 ^ 3 & 1")).isEqualTo(3);
        assertThat(eval("1 < 2 == 1")).isEqualTo(1);
        assertThat(eval("!0 + ~0 - -1")).isEqualTo(1);
        assertThat(eval("0 || 2 && 3")).isEqualTo(1);
        assertThat(eval("1 ? 2 : 0 ? 3 : 4")).isEqualTo(2);
        assertThat(eval("")).isZero();
    }

    @Test
    void division_truncates_toward_zero_and_the_remainder_takes_the_dividends_sign() {
        assertThat(eval("-7 / 2")).isEqualTo(-3);
        assertThat(eval("-7 % 2")).isEqualTo(-1);
        assertThat(eval("7 % -2")).isEqualTo(1);
    }

    @Test
    void constants_in_decimal_octal_and_hexadecimal() {
        assertThat(eval("010 + 0x10 + 0X1f + 10")).isEqualTo(8 + 16 + 31 + 10);
    }

    @Test
    void variables_are_read_as_numbers_and_assignments_store_them() {
        vars.set("x", " 12 ");
        assertThat(eval("x * 2")).isEqualTo(24);
        assertThat(eval("unset + 1")).isEqualTo(1);
        assertThat(eval("y = x += 3")).isEqualTo(15);
        assertThat(vars.get("x")).isEqualTo("15");
        assertThat(vars.get("y")).isEqualTo("15");
        assertThat(eval("x <<= 1")).isEqualTo(30);
    }

    @Test
    void a_branch_not_taken_assigns_nothing_and_divides_by_nothing() {
        assertThat(eval("0 && (z = 1)")).isZero();
        assertThat(vars.get("z")).isNull();
        assertThat(eval("1 || 1 / 0")).isEqualTo(1);
        assertThat(eval("0 ? 1 / 0 : 5")).isEqualTo(5);
    }

    @Test
    void errors_read_as_dash_words_them() {
        assertThatThrownBy(() -> eval("1 / 0")).hasMessage("arithmetic expression: division by zero: \"1 / 0\"");
        assertThatThrownBy(() -> eval("1 +")).hasMessage("arithmetic expression: expecting primary: \"1 +\"");
        assertThatThrownBy(() -> eval("1 2")).hasMessage("arithmetic expression: expecting EOF: \"1 2\"");
        assertThatThrownBy(() -> eval("(1")).hasMessage("arithmetic expression: expecting ')': \"(1\"");
        vars.set("w", "word");
        assertThatThrownBy(() -> eval("w + 1")).hasMessage("Illegal number: word");
        assertThatThrownBy(() -> eval("(".repeat(500) + "1" + ")".repeat(500))).hasMessageContaining("nested too deeply");
    }
}
