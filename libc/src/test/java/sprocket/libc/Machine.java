package sprocket.libc;

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
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;
import sprocket.kernel.RunStats;

/**
 * Boots a real kernel (the R2000 by default; {@code hw=x86mps} for the other machine) with test programs, runs one,
 * and returns its console and exit status: the library tested where programs use it.
 */
final class Machine {
    static final Catalog CATALOG = Catalog.discover(List.of());
    /** Both machines, for tests that run on each. */
    static final String[] HARDWARE = {"r2000", "x86mps"};

    record Outcome(int status, String console, RunStats stats) {
    }

    private final List<String> settings = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();

    static Machine with(String... settings) {
        Machine m = new Machine();
        m.settings.addAll(List.of(settings));
        return m;
    }

    Machine program(String name, BiFunction<Sys, String[], Integer> main) {
        programs.add(new Program() {
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
        });
        return this;
    }

    Outcome run(String program, String... args) {
        try {
            Path conf = Files.createTempFile("libc", ".conf");
            Files.writeString(conf, String.join("\n", "hw = r2000", "sched = rr", "vm = regions", "fs = memfs",
                    "ipc = sysv", "hw.cpus = 2", ""));
            try {
                KernelConfig config = KernelConfig.load(conf, settings, CATALOG);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Kernel k = Kernel.boot(config, CATALOG.withPrograms(programs),
                        new BootOptions(out, new ByteArrayInputStream(new byte[0]), null));
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

    /** waitpid(2) for {@code pid}, again after a caught signal interrupts it; the wait status, or -1. */
    static int waitFor(Sys sys, int pid) {
        int[] st = new int[1];
        int r;
        while ((r = sys.waitpid(pid, st, 0)) == -1 && sys.errno() == sprocket.api.Errno.EINTR) {
            // interrupted: wait again
        }
        return r == pid ? st[0] : -1;
    }
}
