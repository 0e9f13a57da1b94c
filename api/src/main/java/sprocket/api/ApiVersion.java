package sprocket.api;

/**
 * The version of this API. A provider returns {@link #CURRENT} from {@code apiVersion()}; javac inlines
 * the constant, so the provider reports the version it was compiled against, not the one it runs with.
 */
public final class ApiVersion {
    /** Major.minor. A major change breaks providers; a minor one only adds. */
    public static final String CURRENT = "2.1";

    private ApiVersion() {
    }

    /**
     * Whether a provider built against {@code built} can run on this API: same major, and a minor no
     * newer than this one.
     */
    public static boolean compatible(String built) {
        int[] b = parse(built);
        int[] c = parse(CURRENT);
        return b != null && b[0] == c[0] && b[1] <= c[1];
    }

    private static int[] parse(String v) {
        if (v == null) return null;
        String[] parts = v.split("\\.");
        if (parts.length < 2) return null;
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
