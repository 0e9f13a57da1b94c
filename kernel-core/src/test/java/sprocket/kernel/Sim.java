package sprocket.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** Boots a real kernel (r2000 by default) with test programs, runs one, and returns what it printed and its status. */
final class Sim {
    static final Catalog CATALOG = Catalog.discover(List.of());

    record Outcome(int status, String console, RunStats stats) {
    }

    private final List<String> settings = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();
    private Catalog catalog = CATALOG;
    private Path traceFile;
    /** The console is a terminal typed at from this script (or this keyboard); null: the host's streams. */
    private String typed;
    private sprocket.api.kernel.Keyboard keyboard;

    static Sim with(String... settings) {
        Sim s = new Sim();
        s.settings.addAll(List.of(settings));
        return s;
    }

    Sim catalog(Catalog c) {
        this.catalog = c;
        return this;
    }

    /** Also writes the run's Chrome/Perfetto trace to {@code file}. */
    Sim trace(Path file) {
        this.traceFile = file;
        return this;
    }

    /** The console is a terminal, and {@code script} is typed at it as a person would. */
    Sim terminal(String script) {
        this.typed = script;
        return this;
    }

    /** The console is a terminal with {@code keys} for its keyboard. */
    Sim keyboard(sprocket.api.kernel.Keyboard keys) {
        this.typed = "";
        this.keyboard = keys;
        return this;
    }

    Sim program(String name, BiFunction<Sys, String[], Integer> main) {
        programs.add(asProgram(name, main));
        return this;
    }

    /** A test program named {@code name} whose main is {@code main}. */
    static Program asProgram(String name, BiFunction<Sys, String[], Integer> main) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return "test program " + name;
            }

            @Override
            public int main(Sys sys, String[] argv) {
                return main.apply(sys, argv);
            }
        };
    }

    Outcome run(String program, String... args) {
        try {
            Path conf = Files.createTempFile("sprocket", ".conf");
            Files.writeString(conf, String.join("\n", "hw = r2000", "sched = rr", "vm = regions", "fs = memfs",
                    "ipc = sysv", "hw.cpus = 2", "") );
            try {
                KernelConfig config = KernelConfig.load(conf, settings, catalog);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BootOptions options = new BootOptions(out, new ByteArrayInputStream(
                        (typed == null ? "" : typed).getBytes(StandardCharsets.ISO_8859_1)), traceFile);
                if (typed != null) options = options.onTerminal(keyboard);
                Kernel k = Kernel.boot(config, catalog.withPrograms(programs), options);
                RunResult r = k.run(program, List.of(args));
                return new Outcome(r.exitStatus(), out.toString(StandardCharsets.UTF_8), r.stats());
            } finally {
                Files.deleteIfExists(conf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * puts(3S) for the kernel's own tests, which run without the C library (sprocket.libc tests itself on this kernel):
     * {@code s} and a newline to standard output, written whole.
     */
    static void puts(Sys sys, String s) {
        fputs(sys, sprocket.api.sys.Fcntl.STDOUT_FILENO, s + "\n");
    }

    /** {@code s} to descriptor {@code fd}, written whole as stdio writes it. */
    static void fputs(Sys sys, int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int off = 0;
        while (off < b.length) {
            int n = sys.write(fd, b, off, b.length - off);
            if (n <= 0) return;
            off += n;
        }
    }

    /** Writes {@code text} to a new or truncated file at {@code path}, as a test program's set-up. */
    static void write(Sys sys, String path, String text) {
        int fd = sys.open(path, sprocket.api.sys.Fcntl.O_WRONLY | sprocket.api.sys.Fcntl.O_CREAT
                | sprocket.api.sys.Fcntl.O_TRUNC, 0644);
        sys.write(fd, text.getBytes(), 0, text.length());
        sys.close(fd);
    }

    /** The first 256 bytes of the file at {@code path}, or the errno name when it cannot be opened. */
    static String read(Sys sys, String path) {
        int fd = sys.open(path, sprocket.api.sys.Fcntl.O_RDONLY);
        if (fd < 0) return sprocket.api.Errno.name(sys.errno());
        byte[] b = new byte[256];
        int n = sys.read(fd, b, 0, b.length);
        sys.close(fd);
        return new String(b, 0, Math.max(0, n));
    }
}
