package sprocket.cli.bin;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One sort key of sort(1): where it lies in a line ({@code -k field[.char][,field[.char]]}, fields split by the
 * {@code -t} character or by runs of blanks, each field then including the blanks before it) and how it compares
 * (the letters b d f i n r). A key with no letters of its own takes the global options, as POSIX says: "If any
 * modifier is attached to a field_start or to a field_end, no option shall apply to either."
 */
final class SortKey {
    int startField = 1;
    int startChar = 1;
    /** 0: the key runs to the end of the line. */
    int endField;
    /** 0: to the end of the end field. */
    int endChar;
    boolean startBlanks;
    boolean endBlanks;
    boolean dictionary;
    boolean fold;
    boolean printable;
    boolean numeric;
    boolean reverse;
    /** The -t character, or -1 for fields split by blanks. */
    int separator = -1;

    /** Sets an option letter; false for one that is not a key's. */
    boolean flag(char c) {
        switch (c) {
            case 'b' -> startBlanks = endBlanks = true;
            case 'd' -> dictionary = true;
            case 'f' -> fold = true;
            case 'i' -> printable = true;
            case 'n' -> numeric = true;
            case 'r' -> reverse = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The whole line as the key, with these (global) options. */
    SortKey whole(int sep) {
        SortKey k = copy();
        k.separator = sep;
        return k;
    }

    private SortKey copy() {
        SortKey k = new SortKey();
        k.startBlanks = startBlanks;
        k.endBlanks = endBlanks;
        k.dictionary = dictionary;
        k.fold = fold;
        k.printable = printable;
        k.numeric = numeric;
        k.reverse = reverse;
        return k;
    }

    /** A -k key definition, or null if it is not one. */
    static SortKey parse(String def, SortKey global, int sep) {
        SortKey k = new SortKey();
        k.separator = sep;
        String[] parts = def.split(",", -1);
        if (parts.length > 2) return null;
        int[] start = position(parts[0], k, true);
        if (start == null || start[0] < 1 || start[1] < 1) return null;
        k.startField = start[0];
        k.startChar = start[1];
        if (parts.length == 2) {
            int[] end = position(parts[1], k, false);
            if (end == null || end[0] < 1 || end[1] < 0) return null;
            k.endField = end[0];
            k.endChar = end[1];
        }
        boolean modified = k.startBlanks || k.endBlanks || k.dictionary || k.fold || k.printable || k.numeric
                || k.reverse;
        if (modified) return k;
        SortKey inherited = global.copy();
        inherited.separator = sep;
        inherited.startField = k.startField;
        inherited.startChar = k.startChar;
        inherited.endField = k.endField;
        inherited.endChar = k.endChar;
        return inherited;
    }

    /** "field[.char]letters": {field, char} (char 1 for a start, 0 for an end, by default), letters set on k. */
    private static int[] position(String s, SortKey k, boolean start) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0 || i > 9) return null;
        int field = Integer.parseInt(s.substring(0, i));
        int ch = start ? 1 : 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int j = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i == j || i - j > 9) return null;
            ch = Integer.parseInt(s.substring(j, i));
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'b') {
                if (start) {
                    k.startBlanks = true;
                } else {
                    k.endBlanks = true;
                }
            } else if (!k.flag(c)) {
                return null;
            }
        }
        return new int[] {field, ch};
    }

    /** Compares two lines (newlines included or not) by this key. */
    int compare(byte[] a, byte[] b) {
        int la = Text.length(a);
        int lb = Text.length(b);
        int[] ka = bounds(a, la);
        int[] kb = bounds(b, lb);
        int r = numeric ? numbers(a, ka, b, kb) : text(a, ka, b, kb);
        return reverse ? -r : r;
    }

    /** The bytes of two whole lines compared as the C locale's strcmp compares them. */
    static int bytes(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, 0, Text.length(a), b, 0, Text.length(b));
    }

    private static boolean blank(int c) {
        return c == ' ' || c == '\t';
    }

    /** Where field {@code n} (1-based) begins in {@code line[0, len)}; len when the line has fewer fields. */
    private int fieldStart(byte[] line, int len, int n) {
        int p = 0;
        for (int f = 1; f < n; f++) {
            if (separator >= 0) {
                while (p < len && (line[p] & 0xff) != separator) p++;
                if (p == len) return len;
                p++;
            } else {
                while (p < len && blank(line[p])) p++;
                while (p < len && !blank(line[p])) p++;
                if (p == len) return len;
            }
        }
        return p;
    }

    /** Where the field beginning at {@code p} ends. */
    private int fieldEnd(byte[] line, int len, int p) {
        if (separator >= 0) {
            while (p < len && (line[p] & 0xff) != separator) p++;
            return p;
        }
        while (p < len && blank(line[p])) p++;
        while (p < len && !blank(line[p])) p++;
        return p;
    }

    /** {begin, end} of the key in {@code line[0, len)}. */
    private int[] bounds(byte[] line, int len) {
        int begin = fieldStart(line, len, startField);
        int fieldEnd = fieldEnd(line, len, begin);
        if (startBlanks) {
            while (begin < fieldEnd && blank(line[begin])) begin++;
        }
        begin = (int) Math.min(fieldEnd, (long) begin + startChar - 1);
        int end = len;
        if (endField > 0) {
            int p = fieldStart(line, len, endField);
            int fe = fieldEnd(line, len, p);
            if (endChar == 0) {
                end = fe;
            } else {
                if (endBlanks) {
                    while (p < fe && blank(line[p])) p++;
                }
                end = (int) Math.min(fe, (long) p + endChar);
            }
        }
        return new int[] {begin, Math.max(begin, end)};
    }

    private int text(byte[] a, int[] ka, byte[] b, int[] kb) {
        int i = ka[0];
        int j = kb[0];
        while (true) {
            i = next(a, i, ka[1]);
            j = next(b, j, kb[1]);
            if (i == ka[1] || j == kb[1]) return Boolean.compare(i != ka[1], j != kb[1]);
            int x = a[i++] & 0xff;
            int y = b[j++] & 0xff;
            if (fold) {
                x = upper(x);
                y = upper(y);
            }
            if (x != y) return Integer.compare(x, y);
        }
    }

    /** The next byte at or after {@code i} that -d and -i leave in the comparison. */
    private int next(byte[] s, int i, int end) {
        while (i < end) {
            int c = s[i] & 0xff;
            boolean skip = (dictionary && !(blank(c) || Character.isLetterOrDigit(c) && c < 0x80))
                    || (printable && (c < 0x20 || c > 0x7e));
            if (!skip) return i;
            i++;
        }
        return i;
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    /** -n: the numbers that begin the keys (blanks, '-', digits, a point, digits); none is zero. */
    private static int numbers(byte[] a, int[] ka, byte[] b, int[] kb) {
        return number(a, ka).compareTo(number(b, kb));
    }

    private static BigDecimal number(byte[] s, int[] k) {
        int i = k[0];
        while (i < k[1] && blank(s[i])) i++;
        StringBuilder n = new StringBuilder();
        if (i < k[1] && s[i] == '-') n.append((char) s[i++]);
        int digits = 0;
        while (i < k[1] && s[i] >= '0' && s[i] <= '9') {
            n.append((char) s[i++]);
            digits++;
        }
        if (i < k[1] && s[i] == '.') {
            n.append('.');
            i++;
            while (i < k[1] && s[i] >= '0' && s[i] <= '9') {
                n.append((char) s[i++]);
                digits++;
            }
        }
        if (digits == 0) return BigDecimal.ZERO;
        String t = n.toString();
        if (t.endsWith(".")) t = t + "0";
        if (t.startsWith(".") || t.startsWith("-.")) t = t.replace(".", "0.");
        return new BigDecimal(t);
    }
}
