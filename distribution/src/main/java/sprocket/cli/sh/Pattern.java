package sprocket.cli.sh;

/**
 * Pattern matching notation (XCU 2.13): {@code *}, {@code ?}, bracket expressions with ranges, {@code !} and
 * character classes. A pattern is a string in which a backslash makes the next character literal: the expander
 * escapes every character that was quoted in the word, so that {@code "*"} matches only a star.
 */
final class Pattern {

    private Pattern() {
    }

    /** Whether {@code pattern} matches all of {@code s}. */
    static boolean matches(String pattern, String s) {
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < pattern.length()) {
                if (pattern.charAt(pi) == '*') {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                int next = one(pattern, pi, s.charAt(si));
                if (next >= 0) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') pi++;
        return pi == pattern.length();
    }

    /** Whether the pattern has an unescaped {@code *}, {@code ?} or bracket expression: if not, it is plain text. */
    static boolean hasMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || (c == '[' && bracketEnd(pattern, i) > 0)) {
                return true;
            }
        }
        return false;
    }

    /** The text a pattern without meta-characters stands for: its backslashes removed. */
    static String unescape(String pattern) {
        if (pattern.indexOf('\\') < 0) return pattern;
        StringBuilder b = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) c = pattern.charAt(++i);
            b.append(c);
        }
        return b.toString();
    }

    /** Escapes every pattern character of {@code s}, so that it matches only itself. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']' || c == '!' || c == '-') b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** Matches one pattern element at {@code pi} against {@code c}: the index after it, or -1. */
    private static int one(String p, int pi, char c) {
        char e = p.charAt(pi);
        switch (e) {
            case '?' -> {
                return pi + 1;
            }
            case '\\' -> {
                if (pi + 1 < p.length()) return p.charAt(pi + 1) == c ? pi + 2 : -1;
                return c == '\\' ? pi + 1 : -1;
            }
            case '[' -> {
                int end = bracketEnd(p, pi);
                if (end > 0) return bracket(p, pi + 1, end, c) ? end + 1 : -1;
                return c == '[' ? pi + 1 : -1;
            }
            default -> {
                return e == c ? pi + 1 : -1;
            }
        }
    }

    /** The index of the {@code ]} closing the bracket expression opened at {@code open}, or -1 if none does. */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == ']') return i;
            i++;
        }
        return -1;
    }

    private static boolean bracket(String p, int from, int end, char c) {
        boolean negate = from < end && (p.charAt(from) == '!' || p.charAt(from) == '^');
        int i = negate ? from + 1 : from;
        boolean matched = false;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == '[' && i + 1 < end && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0 && close < end) {
                    if (inClass(p.substring(i + 2, close), c)) matched = true;
                    i = close + 2;
                    continue;
                }
            }
            if (lo == '\\' && i + 1 < end) lo = p.charAt(++i);
            i++;
            char hi = lo;
            if (i + 1 < end && p.charAt(i) == '-') {
                hi = p.charAt(i + 1);
                if (hi == '\\' && i + 2 < end) {
                    hi = p.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            if (lo <= c && c <= hi) matched = true;
        }
        return matched != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> Character.isUpperCase(c);
            case "lower" -> Character.isLowerCase(c);
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            case "cntrl" -> c < 32 || c == 127;
            case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> false;
        };
    }
}
