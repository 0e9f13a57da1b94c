package sprocket.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sprocket.api.ApiVersion;
import sprocket.kernel.Slot;
import sprocket.kernel.Catalog;
import sprocket.kernel.ProgramInfo;
import sprocket.kernel.ProviderInfo;
import sprocket.kernel.Slot;

/**
 * {@code sprocket modules}: what a configuration can name. Providers by slot (name, version, the API
 * version each was built for, where it came from, what it is), the programs installed in /bin, and the
 * providers that failed to load.
 */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "List the providers found for each slot, the programs in /bin, and load problems.")
final class ModulesCommand implements Callable<Integer> {

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    PluginOptions plugins = new PluginOptions();

    ModulesCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        Catalog catalog = plugins.discover(host);
        PrintStream out = host.out();

        List<String[]> rows = new ArrayList<>();
        for (ProviderInfo p : catalog.providers()) {
            String api = "api " + p.apiVersion() + (p.compatible() ? "" : " (INCOMPATIBLE: this is " + ApiVersion.CURRENT + ")");
            rows.add(new String[] {p.name(), p.version(), api, p.origin(), p.description()});
        }
        int[] width = widths(rows);

        out.println("Providers (API " + ApiVersion.CURRENT + "; a configuration picks one per slot by name):");
        for (Slot slot : Slot.values()) {
            out.println("  " + slot.key());
            boolean any = false;
            List<ProviderInfo> providers = catalog.providers();
            for (int i = 0; i < providers.size(); i++) {
                if (providers.get(i).slot() != slot) continue;
                out.println("    " + row(rows.get(i), width));
                any = true;
            }
            if (!any) out.println("    (none found)");
        }

        List<String[]> programs = new ArrayList<>();
        for (ProgramInfo p : catalog.programs()) programs.add(new String[] {p.name(), p.origin(), p.summary()});
        int[] programWidth = widths(programs);
        out.println();
        out.println("Programs (/bin):");
        for (String[] p : programs) out.println("  " + row(p, programWidth));
        if (programs.isEmpty()) out.println("  (none found)");

        if (!catalog.problems().isEmpty()) {
            out.println();
            out.println("Problems (these providers and programs were skipped):");
            for (String problem : catalog.problems()) out.println("  " + problem);
        }
        return 0;
    }

    private static int[] widths(List<String[]> rows) {
        int[] w = new int[rows.isEmpty() ? 0 : rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) w[c] = Math.max(w[c], r[c].length());
        }
        return w;
    }

    /** The cells padded to their column's width; the last one is not padded. */
    private static String row(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            b.append(cells[c]);
            if (c < cells.length - 1) b.append(" ".repeat(width[c] - cells[c].length() + 2));
        }
        return b.toString();
    }
}
