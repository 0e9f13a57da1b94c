package sprocket.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.kernel.KernelConfig;

/**
 * A finished comparison: its runs grouped into columns, and what is said of it: the table with its notes, CSV, JSON
 * and the HTML report, and the exit status.
 */
public final class Comparison {
    /** sysexits.h EX_SOFTWARE, as {@code sprocket run} exits after a kernel panic. */
    static final int PANIC = 70;

    private final String program;
    private final List<String> args;
    private final Grid grid;
    private final List<Outcome> outcomes;
    private final List<Column> columns;
    private final Map<String, List<String>> differences;

    /**
     * @param bases each configuration file as loaded with the user's overrides (null where it does not check), to
     *     say what they set differently
     */
    public Comparison(String program, List<String> args, Grid grid, List<Outcome> outcomes,
            Map<Path, KernelConfig> bases) {
        this.program = program;
        this.args = List.copyOf(args);
        this.grid = grid;
        this.outcomes = List.copyOf(outcomes);
        List<List<Outcome>> byColumn = new ArrayList<>();
        for (int c = 0; c < grid.columns(); c++) byColumn.add(new ArrayList<>());
        for (Outcome o : outcomes) byColumn.get(o.variant().column()).add(o);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < byColumn.size(); c++) cols.add(new Column(c, List.copyOf(byColumn.get(c))));
        this.columns = List.copyOf(cols);
        Map<Path, KernelConfig> loaded = new LinkedHashMap<>();
        bases.forEach((p, k) -> {
            if (k != null) loaded.put(p, k);
        });
        this.differences = loaded.size() > 1 ? Differences.of(loaded) : Map.of();
    }

    public List<Column> columns() {
        return columns;
    }

    /** The table for a terminal, then a note per failed run and one on differing configurations. */
    public String text(String command) {
        StringBuilder b = new StringBuilder();
        b.append("sprocket compare: ").append(command).append(" (").append(outcomes.size())
                .append(outcomes.size() == 1 ? " run" : " runs").append(")\n");
        b.append(TextTable.render(columns, grid.variedKeys(), seeds()));
        for (String note : notes(command)) b.append('\n').append(note).append('\n');
        return b.toString();
    }

    /** What the table alone does not say: why runs failed, and how the configurations differ. */
    List<String> notes(String command) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.ok()) continue;
            StringBuilder b = new StringBuilder("run ").append(o.variant().index() + 1).append(" (")
                    .append(o.variant().label()).append("): ").append(o.message());
            String tail = o.output().strip();
            if (!tail.isEmpty()) {
                List<String> lines = tail.lines().toList();
                b.append("; its last output:");
                for (String l : lines.subList(Math.max(0, lines.size() - 5), lines.size())) b.append("\n    ").append(l);
            }
            out.add(b.toString());
        }
        String differ = Differences.note(differences, grid.variants().getFirst().config(), command);
        if (!differ.isEmpty()) out.add(differ);
        return out;
    }

    int seeds() {
        return outcomes.size() / Math.max(1, grid.columns());
    }

    public String csv() {
        return CsvReport.render(outcomes, grid.variedKeys());
    }

    public String json() {
        return JsonReport.render(program, args, grid.variedKeys(), seeds(), columns, outcomes);
    }

    public String html(String command) {
        return HtmlReport.render(command, this, grid.variedKeys(), seeds(), notes(command));
    }

    /** 0 when every run succeeded; else the gravest: a panic (70), a configuration error (2), a failed program (1). */
    public int exitStatus() {
        int status = 0;
        for (Outcome o : outcomes) {
            int s = switch (o.kind()) {
                case OK -> 0;
                case FAILED, ERROR -> 1;
                case CONFIG -> 2;
                case PANIC -> PANIC;
            };
            status = Math.max(status, s);
        }
        return status;
    }
}
