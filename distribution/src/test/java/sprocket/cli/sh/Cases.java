package sprocket.cli.sh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance cases, read from a table: each has a name, a script, the output expected on the terminal
 * (standard output and error as they interleave), the exit status, optionally standard input, and, where the
 * simulated shell deliberately differs from dash, the reason (then dash is not asked).
 *
 * <pre>
 * === name
 * script...
 * --- stdin
 * input...
 * --- out
 * expected output...
 * --- status 0
 * --- not dash: reason
 * </pre>
 */
record Cases(List<Cases.Case> all) {

    record Case(String name, String script, String stdin, String out, int status, String notDash) {
    }

    static Cases read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        String section = null;
        StringBuilder script = new StringBuilder();
        StringBuilder stdin = new StringBuilder();
        StringBuilder out = new StringBuilder();
        int status = 0;
        String notDash = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("=== ")) {
                if (name != null) cases.add(new Case(name, script.toString(), stdin.toString(), out.toString(), status, notDash));
                name = line.substring(4).strip();
                section = "script";
                script.setLength(0);
                stdin.setLength(0);
                out.setLength(0);
                status = 0;
                notDash = null;
            } else if (line.startsWith("--- ")) {
                String s = line.substring(4).strip();
                if (s.startsWith("status ")) {
                    status = Integer.parseInt(s.substring(7).strip());
                    section = null;
                } else if (s.startsWith("not dash:")) {
                    notDash = s.substring(9).strip();
                    section = null;
                } else {
                    section = s;
                }
            } else if (name != null && section != null) {
                StringBuilder b = switch (section) {
                    case "script" -> script;
                    case "stdin" -> stdin;
                    case "out" -> out;
                    default -> throw new IllegalArgumentException(file + ": unknown section " + section);
                };
                b.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException(file + ": text outside a section: " + line);
            }
        }
        if (name != null) cases.add(new Case(name, script.toString(), stdin.toString(), out.toString(), status, notDash));
        return new Cases(cases);
    }
}
