package sprocket.sched.tck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sprocket.kernel.Slot;
import sprocket.api.sched.SchedulerProvider;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.KernelPanic;
import sprocket.kernel.RunResult;
import sprocket.kernel.Slot;

/** Boots the real kernel (r2000) with the checked policy, runs one generated workload, and says how it went. */
final class KitRun {

    /**
     * How a run ended. {@code violation} is the first rule the policy broke (null if none); {@code crash} what ended
     * the run abnormally (a kernel panic or an exception), null when it ran to the end.
     */
    record Outcome(Scenario scenario, String violation, Throwable violationCause, String crash, int exitStatus,
            String console, String statsJson, long ejections) {
    }

    /** The providers on the module path, found once: discovery reads every jar. */
    private static volatile Catalog discovered;

    private KitRun() {
    }

    static Outcome run(SchedulerProvider provider, Scenario scenario, long boundTicks, boolean workConserving,
            List<String> settings) {
        CheckingProvider checked = new CheckingProvider(provider, scenario, boundTicks, workConserving);
        Catalog catalog = catalog().withPrograms(Workload.programs()).withProvider(Slot.SCHED, checked);
        List<String> overrides = new ArrayList<>(settings);
        overrides.add("hw.cpus=" + scenario.cpus());
        overrides.add("seed=" + scenario.seed());
        KernelConfig config = configure(provider.name(), overrides, catalog);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String crash = null;
        int status = -1;
        String json = "";
        long ejections = 0;
        try {
            Kernel kernel = Kernel.boot(config, catalog,
                    new BootOptions(console, new ByteArrayInputStream(new byte[0]), null));
            RunResult r = kernel.run("tck", List.of(scenario.kind().word(), Long.toString(scenario.seed()),
                    Integer.toString(scenario.cpus())));
            status = r.exitStatus();
            json = r.stats().toJson();
            Long n = r.stats().counters().get("sched_ejections");
            ejections = n == null ? 0 : n;
        } catch (KernelPanic e) {
            crash = "the kernel panicked: " + e.getMessage() + checked.stranded();
        } catch (RuntimeException e) {
            crash = "the run ended with " + e + checked.stranded();
        }
        Violations v = checked.violations();
        return new Outcome(scenario, v.first(), v.cause(), crash, status, console.toString(StandardCharsets.UTF_8),
                json, ejections);
    }

    private static KernelConfig configure(String sched, List<String> overrides, Catalog catalog) {
        try {
            Path file = Files.createTempFile("sprocket-tck", ".conf");
            try {
                Files.writeString(file, String.join("\n", "hw = r2000", "sched = " + sched, "vm = regions",
                        "fs = memfs", "ipc = sysv", ""));
                return KernelConfig.load(file, overrides, catalog);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the kit cannot write its configuration file", e);
        } catch (ConfigException e) {
            throw new IllegalStateException("the kit cannot configure a kernel for policy '" + sched + "': "
                    + e.getMessage() + " (the kit needs the r2000, regions, memfs and sysv providers)", e);
        }
    }

    private static Catalog catalog() {
        Catalog c = discovered;
        if (c == null) {
            c = Catalog.discover(List.of());
            discovered = c;
        }
        return c;
    }
}
