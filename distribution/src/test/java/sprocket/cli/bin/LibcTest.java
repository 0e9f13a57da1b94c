package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LibcTest {

    @Test
    void number_takes_the_whole_string_as_a_signed_decimal_in_range() {
        assertThat(Libc.number("42", 0, 100)).isEqualTo(42);
        assertThat(Libc.number("-7", -10, 10)).isEqualTo(-7);
        assertThat(Libc.number("+7", -10, 10)).isEqualTo(7);
        assertThat(Libc.number("9223372036854775807", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void number_rejects_empty_text_trailing_garbage_overflow_and_out_of_range() {
        for (String bad : new String[] {"", "-", "+", "12x", " 1", "1 ", "0x10", "9223372036854775808", "101"}) {
            assertThat(Libc.number(bad, 0, 100)).as(bad).isEqualTo(Libc.BAD_NUMBER);
        }
    }

    @Test
    void number_agrees_with_long_parse_long_on_random_input() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong();
            String s = random.nextBoolean() ? Long.toString(v) : Long.toString(v % 1000);
            assertThat(Libc.number(s, Long.MIN_VALUE + 1, Long.MAX_VALUE))
                    .isEqualTo(Long.parseLong(s) == Long.MIN_VALUE ? Libc.BAD_NUMBER : Long.parseLong(s));
        }
    }
}
