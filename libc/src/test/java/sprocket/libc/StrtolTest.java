package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/** strtol(3C), and the careful caller's {@link Strtol#number}. */
class StrtolTest {

    private static long strtol(Recorder r, String s, int base, int[] end) {
        r.sys.errno(0);
        return Strtol.strtol(r.sys, s, base, end);
    }

    @Test
    void strtol_skips_blanks_takes_a_sign_and_stops_at_the_first_non_digit() {
        // strtol(3C): "leading white-space characters ... are ignored"; endptr gets "the character terminating the scan".
        Recorder r = new Recorder();
        int[] end = new int[1];
        assertThat(strtol(r, "  \t-42abc", 10, end)).isEqualTo(-42);
        assertThat(end[0]).isEqualTo(6);
        assertThat(strtol(r, "+17", 10, end)).isEqualTo(17);
        assertThat(strtol(r, "zz", 36, end)).isEqualTo(35 * 36 + 35);
        assertThat(strtol(r, "777", 8, end)).isEqualTo(511);
        assertThat(r.errno()).isZero();
    }

    @Test
    void base_0_reads_the_numbers_prefix_and_base_16_allows_0x() {
        Recorder r = new Recorder();
        int[] end = new int[1];
        assertThat(strtol(r, "0x1F", 0, end)).isEqualTo(31);
        assertThat(strtol(r, "0X1f", 16, end)).isEqualTo(31);
        assertThat(strtol(r, "017", 0, end)).isEqualTo(15);
        assertThat(strtol(r, "17", 0, end)).isEqualTo(17);
        // "0x" with no hexadecimal digit after it is the number 0, ended at the x.
        assertThat(strtol(r, "0xg", 0, end)).isZero();
        assertThat(end[0]).isEqualTo(1);
    }

    @Test
    void overflow_is_LONG_MAX_or_LONG_MIN_with_ERANGE_and_no_number_leaves_errno_and_endptr_at_the_start() {
        // strtol(3C): "If the correct value would cause overflow, LONG_MAX or LONG_MIN is returned (according to the
        // sign of the value), and errno is set to ERANGE."
        Recorder r = new Recorder();
        int[] end = new int[1];
        assertThat(strtol(r, "9223372036854775808", 10, end)).isEqualTo(Long.MAX_VALUE);
        assertThat(r.errno()).isEqualTo(Errno.ERANGE);
        assertThat(end[0]).isEqualTo(19);
        assertThat(strtol(r, "-99999999999999999999", 10, end)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.errno()).isEqualTo(Errno.ERANGE);
        assertThat(strtol(r, "-9223372036854775808", 10, end)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.errno()).isZero();
        assertThat(strtol(r, " - 5", 10, end)).isZero();
        assertThat(end[0]).isZero();
        assertThat(r.errno()).isZero();
        assertThat(strtol(r, "5", 37, end)).isZero();
        assertThat(r.errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void number_takes_the_whole_string_as_a_signed_decimal_in_range() {
        assertThat(Strtol.number("42", 0, 100)).isEqualTo(42);
        assertThat(Strtol.number("-7", -10, 10)).isEqualTo(-7);
        assertThat(Strtol.number("+7", -10, 10)).isEqualTo(7);
        assertThat(Strtol.number("9223372036854775807", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void number_rejects_empty_text_blanks_trailing_garbage_prefixes_overflow_and_out_of_range() {
        for (String bad : new String[] {"", "-", "+", "12x", " 1", "1 ", "0x10", "9223372036854775808", "101"}) {
            assertThat(Strtol.number(bad, 0, 100)).as(bad).isEqualTo(Strtol.BAD_NUMBER);
        }
    }

    @Test
    void strtol_and_number_agree_with_long_parse_long_on_random_input() {
        SplittableRandom random = new SplittableRandom(20261123);
        Recorder r = new Recorder();
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong();
            String s = random.nextBoolean() ? Long.toString(v) : Long.toString(v % 1000);
            long expected = Long.parseLong(s);
            assertThat(Strtol.number(s, Long.MIN_VALUE + 1, Long.MAX_VALUE))
                    .isEqualTo(expected == Long.MIN_VALUE ? Strtol.BAD_NUMBER : expected);
            int base = 2 + random.nextInt(35);
            String in = Long.toString(v, base);
            assertThat(strtol(r, in, base, null)).as(in + " base " + base).isEqualTo(v);
        }
    }
}
