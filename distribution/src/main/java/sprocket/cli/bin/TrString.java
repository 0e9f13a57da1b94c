package sprocket.cli.bin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A string operand of tr(1) expanded into the bytes it stands for: escapes, ranges, classes, equivalence classes
 * and repeats, in the C locale (where a character is a byte and an equivalence class is its one character).
 */
final class TrString {

    private TrString() {
    }

    /**
     * The bytes of {@code s}; a {@code [c*]} repeat (only in string2) fills to {@code length} (-1 for string1, where
     * a repeat must give its count). Throws IllegalArgumentException with tr's message for a bad string.
     */
    static byte[] expand(byte[] s, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int fillAt = -1;
        int fillWith = 0;
        int i = 0;
        while (i < s.length) {
            if (s[i] == '[' && i + 1 < s.length) {
                int close = bracket(s, i);
                if (close > 0) {
                    int kind = s[i + 1];
                    if (kind == ':') {
                        cls(new String(s, i + 2, close - i - 3, StandardCharsets.ISO_8859_1), out);
                    } else if (kind == '=') {
                        int[] c = new int[1];
                        int end = escape(s, i + 2, c);
                        if (end != close - 1) throw new IllegalArgumentException("bad equivalence class");
                        out.write(c[0]);
                    } else {
                        int[] c = new int[1];
                        int star = escape(s, i + 1, c);
                        String count = new String(s, star + 1, close - star - 1, StandardCharsets.ISO_8859_1);
                        long n = 0;
                        if (!count.isEmpty()) {
                            // A count with a leading zero is octal, as POSIX says; else decimal.
                            try {
                                n = Long.parseLong(count, count.startsWith("0") ? 8 : 10);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("bad repeat count: " + count);
                            }
                            if (n > 1 << 16) throw new IllegalArgumentException("repeat count too large: " + count);
                        }
                        if (n == 0) {
                            // "If n is omitted or is zero", the repeat fills string2 to string1's length.
                            if (length < 0) throw new IllegalArgumentException("[c*] repeats only in string2");
                            if (fillAt >= 0) throw new IllegalArgumentException("only one [c*] repeat may fill string2");
                            fillAt = out.size();
                            fillWith = c[0];
                        }
                        for (long k = 0; k < n; k++) out.write(c[0]);
                    }
                    i = close + 1;
                    continue;
                }
            }
            int[] c = new int[1];
            int next = escape(s, i, c);
            if (next < s.length && s[next] == '-' && next + 1 < s.length) {
                int[] hi = new int[1];
                int after = escape(s, next + 1, hi);
                if (hi[0] < c[0]) throw new IllegalArgumentException("range-endpoints are in reverse collating order");
                for (int x = c[0]; x <= hi[0]; x++) out.write(x);
                i = after;
                continue;
            }
            out.write(c[0]);
            i = next;
        }
        byte[] b = out.toByteArray();
        if (fillAt < 0) return b;
        int fill = Math.max(0, length - b.length);
        byte[] filled = new byte[b.length + fill];
        System.arraycopy(b, 0, filled, 0, fillAt);
        java.util.Arrays.fill(filled, fillAt, fillAt + fill, (byte) fillWith);
        System.arraycopy(b, fillAt, filled, fillAt + fill, b.length - fillAt);
        return filled;
    }

    /**
     * The index of the ']' closing a bracket expression at {@code i} ([:class:], [=c=], [c*n]), or -1 when the '['
     * there is an ordinary character.
     */
    private static int bracket(byte[] s, int i) {
        byte kind = s[i + 1];
        if (kind == ':' || kind == '=') {
            for (int j = i + 2; j + 1 < s.length; j++) {
                if (s[j] == kind && s[j + 1] == ']') return j + 1;
            }
            return -1;
        }
        int[] c = new int[1];
        int star = escape(s, i + 1, c);
        if (star >= s.length || s[star] != '*') return -1;
        for (int j = star + 1; j < s.length; j++) {
            if (s[j] == ']') return j;
            if (s[j] < '0' || s[j] > '9') return -1;
        }
        return -1;
    }

    /** The character at {@code i}, an escape read as one; returns the index after it. */
    private static int escape(byte[] s, int i, int[] c) {
        if (s[i] != '\\' || i + 1 == s.length) {
            c[0] = s[i] & 0xff;
            return i + 1;
        }
        int e = s[i + 1];
        if (e >= '0' && e <= '7') {
            int v = 0;
            int j = i + 1;
            for (int k = 0; k < 3 && j < s.length && s[j] >= '0' && s[j] <= '7'; k++) v = v * 8 + (s[j++] - '0');
            c[0] = v & 0xff;
            return j;
        }
        c[0] = switch (e) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> e & 0xff;
        };
        return i + 2;
    }

    /** The bytes of ctype class {@code name}, in ascending order. */
    private static void cls(String name, ByteArrayOutputStream out) {
        for (int c = 0; c < 128; c++) {
            boolean in = switch (name) {
                case "alnum" -> Character.isLetterOrDigit(c);
                case "alpha" -> Character.isLetter(c);
                case "blank" -> c == ' ' || c == '\t';
                case "cntrl" -> c < 32 || c == 127;
                case "digit" -> c >= '0' && c <= '9';
                case "graph" -> c > 32 && c < 127;
                case "lower" -> c >= 'a' && c <= 'z';
                case "print" -> c >= 32 && c < 127;
                case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
                case "space" -> c == ' ' || (c >= 9 && c <= 13);
                case "upper" -> c >= 'A' && c <= 'Z';
                case "xdigit" -> Character.digit(c, 16) >= 0;
                default -> throw new IllegalArgumentException("invalid character class: " + name);
            };
            if (in) out.write(c);
        }
    }
}
