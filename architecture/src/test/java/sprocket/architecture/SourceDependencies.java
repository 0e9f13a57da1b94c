package sprocket.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages each package's sources name (imports, static imports, qualified names), and the cycles
 * among them, found with Tarjan's algorithm. Reading sources sees what class files cannot: an inlined constant.
 */
final class SourceDependencies {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:sprocket|org\\.example)(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private final Map<String, Set<String>> edges;

    private SourceDependencies(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    static SourceDependencies of(Path root, String... modules) throws IOException {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String module : modules) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String text = COMMENT.matcher(Files.readString(f)).replaceAll("");
                    Matcher pm = PACKAGE.matcher(text);
                    if (!pm.find()) continue;
                    String own = pm.group(1);
                    Set<String> out = edges.computeIfAbsent(own, k -> new TreeSet<>());
                    Matcher im = IMPORT.matcher(text);
                    while (im.find()) add(out, own, packageOf(im.group(1)));
                    Matcher qm = QUALIFIED.matcher(text);
                    while (qm.find()) add(out, own, qm.group(1));
                }
            }
        }
        return new SourceDependencies(edges);
    }

    private static void add(Set<String> out, String own, String target) {
        if (target != null && !target.equals(own) && (target.startsWith("sprocket.") || target.startsWith("org.example"))) {
            out.add(target);
        }
    }

    /** The package part of a name: the segments before the first that starts with a capital. */
    private static String packageOf(String name) {
        String[] parts = name.split("\\.");
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || Character.isUpperCase(part.charAt(0))) break;
            if (b.length() > 0) b.append('.');
            b.append(part);
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** Every strongly connected group of two or more packages: each is a cycle. */
    List<Set<String>> cycles() {
        List<Set<String>> out = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        int[] next = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) strongConnect(v, index, low, stack, onStack, next, out);
        }
        return out;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, int[] next, List<Set<String>> out) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, next, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) out.add(group);
        }
    }
}
