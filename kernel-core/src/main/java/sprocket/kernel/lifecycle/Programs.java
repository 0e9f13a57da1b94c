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
    /** How much of an executable exec(2) reads: a program's header, or a script's "#!" line. */
    public static final int HEADER_BYTES = 128;
    /** The longest name (in UTF-8 bytes) whose header exec can read back whole: the magic, a space, a newline. */
    public static final int NAME_MAX = HEADER_BYTES - MAGIC.length - 2;
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

    /**
     * Why {@code name} cannot be a program's (a file name in /bin, written into a header exec reads back), or null
     * when it can: it must be one path component (not empty, ".", "..", nor holding '/' or NUL, as any Unix file
     * name), hold no newline (where the header's name ends), and be at most {@link #NAME_MAX} bytes.
     */
    public static String invalidName(String name) {
        if (name == null) return "is null";
        if (name.isEmpty()) return "is empty";
        if (name.equals(".") || name.equals("..")) return "is not a file name";
        if (name.indexOf('/') >= 0) return "holds a '/' (a program is one file in /bin)";
        if (name.indexOf('\0') >= 0) return "holds a NUL";
        if (name.indexOf('\n') >= 0) return "holds a newline";
        if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) return "is longer than " + NAME_MAX + " bytes";
        return null;
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
