package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;

/**
 * strtol(3C), and the check a careful caller makes around it. strtol: "leading white-space characters ... are
 * ignored"; an optional sign; with base 0 the number's own prefix decides ("0x" or "0X" hexadecimal, "0" octal,
 * else decimal), base 16 allows the "0x" prefix; letters stand for digits from 10 up to base 36. "If the value of
 * endptr is not (char **)NULL, a pointer to the character terminating the scan is returned": here its index, in
 * {@code endptr[0]}, 0 when no number was found.
 */
public final class Strtol {
    /** What {@link #number} returns for text that is not a number in range. */
    public static final long BAD_NUMBER = Long.MIN_VALUE;

    private Strtol() {
    }

    /**
     * strtol(3C): the value of the number at the start of {@code s}. "If the correct value would cause overflow,
     * LONG_MAX or LONG_MIN is returned (according to the sign of the value), and errno is set to ERANGE"; an
     * unsupported base gives 0 and EINVAL; text with no number gives 0 with errno untouched.
     */
    public static long strtol(Sys sys, String s, int base, int[] endptr) {
        Parse p = parse(s, base);
        if (endptr != null && endptr.length > 0) endptr[0] = p.end;
        if (p.errno != 0) sys.errno(p.errno);
        return p.value;
    }

    /**
     * strtol as a careful caller uses it: the whole of {@code s} must be an optionally signed decimal number (no
     * blanks, no prefix) within {@code [min, max]}; otherwise {@link #BAD_NUMBER}.
     */
    public static long number(String s, long min, long max) {
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0))) return BAD_NUMBER;
        Parse p = parse(s, 10);
        if (p.errno != 0 || p.end != s.length() || p.end == 0) return BAD_NUMBER;
        return p.value >= min && p.value <= max && p.value != BAD_NUMBER ? p.value : BAD_NUMBER;
    }

    private record Parse(long value, int end, int errno) {
    }

    private static Parse parse(String s, int base) {
        if (base < 0 || base == 1 || base > 36) return new Parse(0, 0, Errno.EINVAL);
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if ((base == 0 || base == 16) && i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x'
                && i + 2 < n && digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            base = 16;
        } else if (base == 0) {
            base = i < n && s.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        // Accumulate negatively so that LONG_MIN's magnitude fits.
        long value = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = digit(s.charAt(i), base);
            if (d < 0) break;
            if (value < (Long.MIN_VALUE + d) / base) {
                overflow = true;
            } else if (!overflow) {
                value = value * base - d;
            }
        }
        if (i == start) return new Parse(0, 0, 0);
        if (!negative && !overflow && value == Long.MIN_VALUE) overflow = true;
        if (overflow) return new Parse(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i, Errno.ERANGE);
        return new Parse(negative ? value : -value, i, 0);
    }

    private static int digit(char c, int base) {
        int d = 99;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            d = c - 'A' + 10;
        }
        return d < base ? d : -1;
    }

    /** isspace(3C) in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
