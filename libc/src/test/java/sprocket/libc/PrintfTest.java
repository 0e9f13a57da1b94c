package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** printf(3S)'s floating conversions, against what C's printf writes for the same format and value. */
class PrintfTest {

    private static String f(String spec, double v) {
        String flags = spec.replaceAll("^([-+ #0]*).*$", "$1");
        String rest = spec.substring(flags.length());
        char conv = rest.charAt(rest.length() - 1);
        String num = rest.substring(0, rest.length() - 1);
        int dot = num.indexOf('.');
        int width = dot == 0 || num.isEmpty() ? -1 : Integer.parseInt(dot < 0 ? num : num.substring(0, dot));
        int precision = dot < 0 ? -1 : num.length() == dot + 1 ? 0 : Integer.parseInt(num.substring(dot + 1));
        return Printf.floating(conv, flags, width, precision, v);
    }

    @Test
    void g_takes_the_shorter_style_and_drops_trailing_zeros_as_C_does() {
        // Each expected string is what glibc's printf writes for the format and value.
        assertThat(f("g", 0.5)).isEqualTo("0.5");
        assertThat(f("g", 1)).isEqualTo("1");
        assertThat(f("g", 100000)).isEqualTo("100000");
        assertThat(f("g", 1000000)).isEqualTo("1e+06");
        assertThat(f("g", 0.0001)).isEqualTo("0.0001");
        assertThat(f("g", 0.00001)).isEqualTo("1e-05");
        assertThat(f("g", 123.456789)).isEqualTo("123.457");
        assertThat(f(".3g", 2.5)).isEqualTo("2.5");
        assertThat(f("#g", 1)).isEqualTo("1.00000");
        assertThat(f("G", 1e-10)).isEqualTo("1E-10");
        assertThat(f(".0g", 0.5)).isEqualTo("0.5");
        assertThat(f("g", 0)).isEqualTo("0");
    }

    @Test
    void e_and_f_round_the_exact_value_half_to_even_and_pad_as_the_flags_say() {
        assertThat(f(".0e", 2.5)).isEqualTo("2e+00");
        assertThat(f("e", 12345.678)).isEqualTo("1.234568e+04");
        assertThat(f(".2f", 2.675)).isEqualTo("2.67");
        assertThat(f(".0f", 0.5)).isEqualTo("0");
        assertThat(f(".0f", 1.5)).isEqualTo("2");
        assertThat(f("+08.2f", 3.14159)).isEqualTo("+0003.14");
        assertThat(f("-8.1f", 1)).isEqualTo("1.0     ");
        assertThat(f("+ .1f", 1)).isEqualTo("+1.0");
        assertThat(f(" 6.1f", -1)).isEqualTo("  -1.0");
        assertThat(f("#.0f", 3)).isEqualTo("3.");
        assertThat(f("e", 1e100)).isEqualTo("1.000000e+100");
    }

    @Test
    void infinity_and_nan_are_written_as_C_writes_them() {
        assertThat(f("f", Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(f("05f", Double.NEGATIVE_INFINITY)).isEqualTo(" -inf");
        assertThat(f("G", Double.NaN)).isEqualTo("NAN");
    }
}
