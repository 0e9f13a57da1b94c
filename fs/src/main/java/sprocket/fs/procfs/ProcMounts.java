package sprocket.fs.procfs;

import java.util.List;
import sprocket.api.fs.MountEntry;
import sprocket.api.sys.Mount;

/**
 * The text of /proc/mounts: one line per mounted file system, "special mount-point type options 0 0" (Linux proc(5):
 * "the format of this file is documented in fstab(5)"; the last two fields are the dump frequency and fsck pass).
 */
final class ProcMounts {

    private ProcMounts() {
    }

    static String text(List<MountEntry> mounts) {
        StringBuilder sb = new StringBuilder();
        for (MountEntry m : mounts) {
            escape(sb, m.special()).append(' ');
            escape(sb, m.directory()).append(' ').append(m.type()).append(' ')
                    .append((m.flags() & Mount.MS_RDONLY) != 0 ? "ro" : "rw").append(" 0 0\n");
        }
        return sb.toString();
    }

    /** fstab(5): a space or tab in a field is written as "\040" or "\011"; so are a newline and a backslash, as Linux does. */
    private static StringBuilder escape(StringBuilder sb, String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
            } else {
                sb.append(c);
            }
        }
        return sb;
    }
}
