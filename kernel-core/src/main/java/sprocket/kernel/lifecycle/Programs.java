package sprocket.kernel.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.sys.Program;

/**
 * The programs installed in /bin. Each file holds a small executable header, {@code \177SPK} and the program's
 * name, as an a.out holds its magic number; exec(2) reads it back and refuses anything else with ENOEXEC.
 */
public final class Programs {
    public static final byte[] MAGIC = {0x7f, 'S', 'P', 'K'};
    private final Map<String, Program> byName = new TreeMap<>();

    public Programs(Iterable<Program> programs) {
        for (Program p : programs) {
            byName.putIfAbsent(p.name(), p);
        }
    }

    public Map<String, Program> all() {
        return byName;
    }

    public Program get(String name) {
        return byName.get(name);
    }

    /** The contents of the /bin file for {@code name}. */
    public static byte[] image(String name) {
        byte[] n = (" " + name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[MAGIC.length + n.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(n, 0, out, MAGIC.length, n.length);
        return out;
    }

    /** The program name an executable's first bytes name, or null when they are not our executable format. */
    public static String parse(byte[] head, int len) {
        if (len < MAGIC.length + 2) return null;
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) return null;
        }
        if (head[MAGIC.length] != ' ') return null;
        int end = MAGIC.length + 1;
        while (end < len && head[end] != '\n') end++;
        if (end >= len) return null;
        return new String(head, MAGIC.length + 1, end - MAGIC.length - 1, StandardCharsets.UTF_8);
    }
}
