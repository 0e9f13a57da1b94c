package sprocket.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the {@code sprocket} command with captured streams, as a test sees it. */
record Invocation(int status, String out, String err) {

    /** Runs {@code sprocket args...} with an empty standard input and an environment of {@code env}. */
    static Invocation sprocket(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = Main.run(new Host(o, e, new ByteArrayInputStream(new byte[0]), env), args);
            return new Invocation(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs {@code sprocket args...} with {@code stdin} as its standard input and no SPROCKET_HOME. */
    static Invocation typed(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = Main.run(new Host(o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    Map.of()), args);
            return new Invocation(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs {@code sprocket args...} with no SPROCKET_HOME, so no plug-ins directory. */
    static Invocation sprocket(String... args) {
        return sprocket(Map.of(), args);
    }
}
