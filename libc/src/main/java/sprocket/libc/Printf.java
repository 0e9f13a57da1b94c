package sprocket.libc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * printf(3S)'s floating conversions as C writes them, which {@link java.util.Formatter} does not quite: %g "in the
 * style f or e ... with the precision specifying the number of significant digits ... Trailing zeros are removed from
 * the fractional part of the result; a decimal point appears only if it is followed by a digit" (unless '#'), the
 * style e chosen when "the exponent resulting from such a conversion is less than -4 or greater than or equal to the
 * precision"; infinity and NaN as "inf" and "nan" ("INF", "NAN" for E, F and G); '+' winning over ' '.
 */
public final class Printf {

    private Printf() {
    }

    /**
     * One conversion {@code conv} (e E f F g G) of {@code value} with C's {@code flags} ("-+ #0"), {@code width} and
     * {@code precision} (-1 for none, which is 6).
     */
    public static String floating(char conv, String flags, int width, int precision, double value) {
        boolean upper = Character.isUpperCase(conv);
        boolean alternate = flags.indexOf('#') >= 0;
        int p = precision < 0 ? 6 : precision;
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        double magnitude = Math.abs(value);
        String body;
        boolean finite = Double.isFinite(value);
        if (!finite) {
            body = Double.isNaN(value) ? "nan" : "inf";
            negative = negative && !Double.isNaN(value);
        } else {
            body = switch (Character.toLowerCase(conv)) {
                case 'e' -> e(magnitude, p, alternate);
                case 'f' -> f(magnitude, p, alternate);
                default -> g(magnitude, p == 0 ? 1 : p, alternate);
            };
        }
        if (upper) body = body.toUpperCase(Locale.ROOT);
        String sign = negative ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        int len = sign.length() + body.length();
        if (len >= width) return sign + body;
        if (flags.indexOf('-') >= 0) return sign + body + " ".repeat(width - len);
        if (flags.indexOf('0') >= 0 && finite) return sign + "0".repeat(width - len) + body;
        return " ".repeat(width - len) + sign + body;
    }

    /** printf's "%.Nf" of a non-negative finite value. */
    private static String f(double v, int p, boolean alternate) {
        String s = new BigDecimal(v).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return alternate && p == 0 ? s + "." : s;
    }

    /** printf's "%.Ne" of a non-negative finite value: one digit, the point, N digits, "e", a sign, two digits or more. */
    private static String e(double v, int p, boolean alternate) {
        String digits;
        int exp;
        if (v == 0) {
            digits = "0".repeat(p + 1);
            exp = 0;
        } else {
            // The exact binary value rounded to p+1 significant digits, half to even, as C's printf rounds.
            BigDecimal b = new BigDecimal(v).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            digits = b.unscaledValue().toString();
            exp = digits.length() - 1 - b.scale();
            digits = digits.length() > p + 1 ? digits.substring(0, p + 1) : digits + "0".repeat(p + 1 - digits.length());
        }
        String mantissa = digits.charAt(0) + (p > 0 || alternate ? "." : "") + digits.substring(1);
        int abs = Math.abs(exp);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    /** printf's "%.Pg" of a non-negative finite value. */
    private static String g(double v, int p, boolean alternate) {
        String asE = e(v, p - 1, alternate);
        int x = Integer.parseInt(asE.substring(asE.indexOf('e') + 1));
        String s = x < -4 || x >= p ? asE : f(v, p - 1 - x, alternate);
        return alternate ? s : strip(s);
    }

    /** Trailing zeros of the fraction removed, and the point with them when nothing follows it. */
    private static String strip(String s) {
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') end--;
            if (mantissa.charAt(end - 1) == '.') end--;
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exponent;
    }
}
