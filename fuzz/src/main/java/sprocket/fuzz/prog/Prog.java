package sprocket.fuzz.prog;

import java.util.List;

/**
 * A generated program: the user its processes run as (0 for root), whether they catch the signals that would end them
 * at once and keep an alarm ticking (so that a call that would wait for good is interrupted each simulated second),
 * and its workers: each call of the first list is a process the supervisor forks, whose calls are that call's body;
 * the calls of the processes, images and handlers they start hang below the calls that start them. A call is named
 * by its path: {@code 3.2} for the second call of worker 3, {@code 3.2.5} for the fifth call of what that started.
 */
public record Prog(int uid, boolean catches, List<Call> calls) {

    public Prog {
        calls = List.copyOf(calls);
    }

    /** The same program with other calls. */
    public Prog withCalls(List<Call> others) {
        return new Prog(uid, catches, others);
    }

    /** Every call the workers make, however deep (the workers themselves are the supervisor's forks). */
    public int size() {
        int n = 0;
        for (Call w : calls) n += Call.size(w.body());
        return n;
    }

    /** The call at {@code path} ("3.2"), or null when there is none. */
    public Call call(String path) {
        List<Call> list = list(path);
        return list == null ? null : list.get(index(path));
    }

    /** The body of the call at {@code path}, or null when there is no such call. */
    public List<Call> body(String path) {
        Call c = call(path);
        return c == null ? null : c.body();
    }

    /** The list the call at {@code path} is in, or null when there is no such call. */
    public List<Call> list(String path) {
        List<Call> list = calls;
        String[] parts = path.split("\\.");
        for (int k = 0; k < parts.length; k++) {
            int i;
            try {
                i = Integer.parseInt(parts[k]) - 1;
            } catch (NumberFormatException e) {
                return null;
            }
            if (i < 0 || i >= list.size()) return null;
            if (k == parts.length - 1) return list;
            list = list.get(i).body();
        }
        return null;
    }

    /** The index in its list of the call at {@code path}: its last part, less one. */
    public static int index(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('.') + 1)) - 1;
    }

    /** The prefix of the paths of the calls in the same list as {@code path}: "3." for "3.2", "" for "3". */
    public static String prefix(String path) {
        return path.substring(0, path.lastIndexOf('.') + 1);
    }

    /** The program as an indented list, one call a line, with its path. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("  (runs as ").append(uid == 0 ? "root" : "uid " + uid)
                .append(catches ? ", catching SIGALRM, SIGHUP, SIGINT, SIGTERM, SIGUSR1, SIGUSR2, ignoring SIGPIPE,"
                        + " an alarm each second" : ", every signal at its default").append(")\n");
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).body().isEmpty()) continue;
            b.append("  worker ").append(i + 1).append(":\n");
            render(calls.get(i).body(), (i + 1) + ".", 2, b);
        }
        return b.toString();
    }

    private static void render(List<Call> calls, String prefix, int depth, StringBuilder b) {
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            String path = prefix + (i + 1);
            b.append("  ".repeat(depth)).append(path).append(' ').append(c.op().label());
            if (c.op().kind() != Op.Kind.PLAIN) {
                b.append(switch (c.op().kind()) {
                    case CHILD -> " -> child";
                    case IMAGE -> " -> new image";
                    case HANDLER -> " -> handler";
                    default -> "";
                }).append(c.body().isEmpty() ? " (no calls)" : ":");
            }
            b.append('\n');
            render(c.body(), path + ".", depth + 1, b);
        }
    }
}
