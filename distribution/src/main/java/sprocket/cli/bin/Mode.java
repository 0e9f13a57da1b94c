package sprocket.cli.bin;

/**
 * getmode(3) and setmode(3) of the BSD C library, reduced to one call: a mode as chmod(1) and umask take it, octal
 * ({@code 755}) or symbolic ({@code u+x,go=r}, {@code a-w}, {@code +X}), applied to the permission bits a file has.
 */
public final class Mode {
    /** What {@link #apply} returns for text that is not a mode. */
    public static final int BAD = -1;

    private Mode() {
    }

    /**
     * The permission bits {@code perms} become under {@code mode}, or {@link #BAD}. Where a clause names no one
     * (no u, g, o or a), chmod(1) says the bits of the file mode creation mask {@code umask} are left alone;
     * {@code directory} decides X (execute only for directories and files some already execute).
     */
    public static int apply(String mode, int perms, int umask, boolean directory) {
        if (mode.isEmpty()) return BAD;
        if (Character.isDigit(mode.charAt(0))) {
            int v = 0;
            for (char c : mode.toCharArray()) {
                if (c < '0' || c > '7') return BAD;
                v = v * 8 + (c - '0');
                if (v > 07777) return BAD;
            }
            return v;
        }
        for (String clause : mode.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i++)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007; // the sticky bit goes with "other", as in GNU and BSD chmod
                    default -> 07777;
                };
            }
            int mask = who == 0 ? 07777 & ~umask : who;
            if (who == 0) who = 07777;
            if (i >= clause.length()) return BAD;
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if (op != '+' && op != '-' && op != '=') return BAD;
                int bits = 0;
                for (; i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0; i++) {
                    bits |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> directory || (perms & 0111) != 0 ? 0111 : 0;
                        case 's' -> 06000;
                        default -> 01000;
                    };
                }
                bits &= who & mask;
                perms = switch (op) {
                    case '+' -> perms | bits;
                    case '-' -> perms & ~bits;
                    default -> (perms & ~(who & mask)) | bits;
                };
            }
        }
        return perms;
    }
}
