package sprocket.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as CSV (RFC 4180): one row per run, its configuration, the varied values and the seed, how it
 * ended, then every figure and each CPU's busy cycles. Figures of a run that did not run to the end are empty.
 */
final class CsvReport {
    private CsvReport() {
    }

    static String render(List<Outcome> outcomes, List<String> variedKeys) {
        int cpus = 0;
        for (Outcome o : outcomes) if (o.stats() != null) cpus = Math.max(cpus, o.stats().cpuBusyCycles().length);
        List<String> header = new ArrayList<>(List.of("run", "configuration"));
        header.addAll(variedKeys);
        header.addAll(List.of("seed", "outcome", "exit_status", "message"));
        for (Figure f : Figure.values()) header.add(f.key());
        for (int c = 0; c < cpus; c++) header.add("cpu" + c + "_busy_cycles");
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (Outcome o : outcomes) {
            Variant v = o.variant();
            List<String> row = new ArrayList<>(List.of(String.valueOf(v.index()), v.config().toString()));
            for (String k : variedKeys) row.add(v.varied().get(k));
            row.addAll(List.of(String.valueOf(v.seed()), o.brief(), String.valueOf(o.exitStatus()), o.message()));
            for (Figure f : Figure.values()) row.add(o.stats() == null ? "" : number(f.of(o.stats())));
            long[] busy = o.stats() == null ? new long[0] : o.stats().cpuBusyCycles();
            for (int c = 0; c < cpus; c++) row.add(c < busy.length ? String.valueOf(busy[c]) : "");
            line(b, row);
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.9g", v);
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append("\r\n");
    }
}
