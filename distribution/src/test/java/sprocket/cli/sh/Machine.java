package sprocket.cli.sh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;

/**
 * A simulated machine booted for one shell run: the real kernel and providers of a configuration, with /bin/sh
 * and the rest of /bin as installed. The run ends only when every process is reaped and the kernel's invariants
 * (no process, frame, descriptor, pipe or socket left) hold; a broken one is a KernelPanic, which fails the test.
 */
final class Machine {
    static final String IRIX = Path.of("..", "configs", "irix-r2000.conf").toString();
    static final String LINUX = Path.of("..", "configs", "linux-x86mps.conf").toString();
    static final List<String> CONFIGS = List.of(IRIX, LINUX);

    /** The console's text (standard output and error, as a terminal shows them) and sh's exit status. */
    record Run(int status, String console) {
    }

    private Machine() {
    }

    /** Boots {@code config} and runs {@code sh args...} with {@code stdin} on the console. */
    static Run sh(String config, String stdin, List<String> args) {
        return sh(config, stdin, args, null);
    }

    /** As {@link #sh(String, String, List)}, with {@code shell} installed as /bin/sh when it is not null. */
    static Run sh(String config, String stdin, List<String> args, sprocket.api.sys.Program shell) {
        try {
            Catalog catalog = Catalog.discover(List.of());
            if (shell != null) catalog = catalog.withPrograms(List.of(shell));
            KernelConfig kc = KernelConfig.load(Path.of(config), List.of(), catalog);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Kernel kernel = Kernel.boot(kc, catalog, new BootOptions(console,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null));
            RunResult r = kernel.run("sh", args);
            return new Run(r.exitStatus(), console.toString(StandardCharsets.UTF_8));
        } catch (sprocket.kernel.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code script} as {@code sh -c script} in /tmp, the way the conformance cases run on dash. */
    static Run script(String config, String script, String stdin) {
        List<String> args = new ArrayList<>();
        args.add("-c");
        args.add("cd /tmp || exit 99; exec sh -c \"$1\" sh");
        args.add("sh");
        args.add(script);
        return sh(config, stdin, args);
    }
}
