package sprocket.cli.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one JSON object: what ran, a summary per column (the table's figures) and every run with its
 * figures and its whole statistics object (docs/stats.md).
 */
final class JsonReport {
    /** The layout's version: it changes when a key changes meaning or goes away. */
    static final int SCHEMA_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {
    }

    static String render(String program, List<String> args, List<String> variedKeys, int seeds, List<Column> columns,
            List<Outcome> outcomes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("schema_version", SCHEMA_VERSION);
            g.writeStringField("program", program);
            g.writeArrayFieldStart("args");
            for (String a : args) g.writeString(a);
            g.writeEndArray();
            g.writeArrayFieldStart("varied");
            for (String k : variedKeys) g.writeString(k);
            g.writeEndArray();
            g.writeNumberField("seeds", seeds);
            g.writeArrayFieldStart("columns");
            Column first = columns.getFirst();
            for (Column c : columns) {
                g.writeStartObject();
                g.writeStringField("configuration", c.variant().config().toString());
                strings(g, "varied", c.varied());
                g.writeStringField("outcome", c.outcome());
                number(g, "speedup", Cells.speedupOf(first, c));
                g.writeObjectFieldStart("figures");
                for (Figure f : Figure.values()) number(g, f.key(), c.mean(f));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("runs");
            for (Outcome o : outcomes) run(g, o);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    private static void run(JsonGenerator g, Outcome o) throws IOException {
        Variant v = o.variant();
        g.writeStartObject();
        g.writeNumberField("run", v.index());
        g.writeNumberField("column", v.column());
        g.writeStringField("configuration", v.config().toString());
        strings(g, "varied", v.varied());
        g.writeNumberField("seed", v.seed());
        g.writeStringField("outcome", o.brief());
        g.writeNumberField("exit_status", o.exitStatus());
        g.writeStringField("message", o.message());
        if (o.stats() != null) {
            g.writeObjectFieldStart("figures");
            for (Figure f : Figure.values()) number(g, f.key(), f.of(o.stats()));
            g.writeEndObject();
            g.writeFieldName("stats");
            g.writeRawValue(o.stats().toJson().strip());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : values.entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    /** A whole number as one; NaN (a failed column) as null, which JSON has instead. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumberField(name, (long) v);
        } else {
            g.writeNumberField(name, v);
        }
    }
}
