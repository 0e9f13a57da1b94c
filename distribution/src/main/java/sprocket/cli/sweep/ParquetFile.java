package sprocket.cli.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import sprocket.cli.sweep.Table.Column;
import sprocket.cli.sweep.Table.Type;

/**
 * A {@link Table} as an Apache Parquet file, and back: one row group, one data page (version 1) per column, PLAIN
 * values, RLE definition levels for nullable columns, GZIP compression; the footer in Thrift's compact protocol
 * (Apache Parquet, "File Format" and "parquet.thrift"). DuckDB, Spark and every other Parquet reader read it; the
 * reader here reads what this writer writes (docs/sweeps.md says why the project writes Parquet itself).
 */
public final class ParquetFile {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // parquet.thrift's enums.
    private static final int INT64 = 2;
    private static final int DOUBLE = 5;
    private static final int BYTE_ARRAY = 6;
    private static final int REQUIRED = 0;
    private static final int OPTIONAL = 1;
    private static final int UTF8 = 0;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int UNCOMPRESSED = 0;
    private static final int GZIP = 2;
    private static final int DATA_PAGE = 0;

    private ParquetFile() {
    }

    /** Writes {@code table} to {@code file} through a temporary file beside it, so that no reader sees half of it. */
    public static void write(Path file, Table table) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes(table));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] bytes(Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC);
        int n = table.rows().size();
        List<byte[]> chunkMeta = new ArrayList<>();
        long total = 0;
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            byte[] page = page(table, c);
            byte[] zipped = gzip(page);
            byte[] header = new Thrift.Writer().i32(1, DATA_PAGE).i32(2, page.length).i32(3, zipped.length)
                    .struct(5).i32(1, n).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).end().end().bytes();
            long offset = out.size();
            out.write(header);
            out.write(zipped);
            total += header.length + page.length;
            chunkMeta.add(new Thrift.Writer().i64(2, offset).struct(3)
                    .i32(1, physical(col.type())).i32s(2, List.of(PLAIN, RLE)).strings(3, List.of(col.name()))
                    .i32(4, GZIP).i64(5, n).i64(6, header.length + page.length).i64(7, header.length + zipped.length)
                    .i64(9, offset).end().end().bytes());
        }
        Thrift.Writer footer = new Thrift.Writer().i32(1, 1);
        footer.structs(2, table.columns().size() + 1);
        footer.element().string(4, "schema").i32(5, table.columns().size()).end();
        for (Column col : table.columns()) {
            footer.element().i32(1, physical(col.type())).i32(3, col.required() ? REQUIRED : OPTIONAL)
                    .string(4, col.name());
            if (col.type() == Type.STRING) footer.i32(6, UTF8);
            footer.end();
        }
        footer.i64(3, n);
        footer.structs(4, 1).element().structs(1, chunkMeta.size());
        for (byte[] chunk : chunkMeta) footer.raw(chunk);
        footer.i64(2, total).i64(3, n).end();
        footer.string(6, "sprocket sweep").end();
        byte[] metadata = footer.bytes();
        out.write(metadata);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(metadata.length).array());
        out.write(MAGIC);
        return out.toByteArray();
    }

    private static int physical(Type t) {
        return switch (t) {
            case INT64 -> INT64;
            case DOUBLE -> DOUBLE;
            case STRING -> BYTE_ARRAY;
        };
    }

    /** A data page's bytes: definition levels (nullable columns), then the values present, PLAIN. */
    private static byte[] page(Table table, int c) {
        Column col = table.columns().get(c);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (!col.required()) {
            byte[] levels = levels(table, c);
            b.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(levels.length).array());
            b.writeBytes(levels);
        }
        ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (Object[] row : table.rows()) {
            Object v = row[c];
            if (v == null) continue;
            switch (col.type()) {
                case INT64 -> b.writeBytes(eight.clear().putLong((Long) v).array());
                case DOUBLE -> b.writeBytes(eight.clear().putDouble((Double) v).array());
                case STRING -> {
                    byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
                    b.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(s.length).array());
                    b.writeBytes(s);
                }
            }
        }
        return b.toByteArray();
    }

    /** Definition levels (1 present, 0 null) as RLE runs of the RLE/bit-packing hybrid, bit width 1. */
    private static byte[] levels(Table table, int c) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        List<Object[]> rows = table.rows();
        int i = 0;
        while (i < rows.size()) {
            boolean present = rows.get(i)[c] != null;
            int j = i;
            while (j < rows.size() && (rows.get(j)[c] != null) == present) j++;
            long header = (long) (j - i) << 1;
            while ((header & ~0x7fL) != 0) {
                b.write((int) (header & 0x7f) | 0x80);
                header >>>= 7;
            }
            b.write((int) header);
            b.write(present ? 1 : 0);
            i = j;
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    /** Reads a file this class wrote (or any flat Parquet file of PLAIN pages, uncompressed or GZIP). */
    public static Table read(Path file) throws IOException {
        byte[] buf = Files.readAllBytes(file);
        int len = buf.length;
        if (len < 12 || !startsWith(buf, 0) || !startsWith(buf, len - 4)) {
            throw new IOException(file + ": not a Parquet file");
        }
        int metaLength = ByteBuffer.wrap(buf, len - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        try {
            Thrift.Struct meta = new Thrift.Reader(buf, len - 8 - metaLength).struct();
            List<Object> schema = meta.list(2);
            List<Column> columns = new ArrayList<>();
            for (Object o : schema.subList(1, schema.size())) {
                Thrift.Struct e = (Thrift.Struct) o;
                Type t = switch ((int) e.i64(1)) {
                    case INT64 -> Type.INT64;
                    case DOUBLE -> Type.DOUBLE;
                    case BYTE_ARRAY -> Type.STRING;
                    default -> throw new IOException(file + ": column " + e.string(4) + " has a type sweeps do not write");
                };
                columns.add(new Column(e.string(4), t, e.i64(3) == REQUIRED));
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object g : meta.list(4)) {
                Thrift.Struct group = (Thrift.Struct) g;
                int n = (int) group.i64(3);
                Object[][] values = new Object[n][columns.size()];
                List<Object> chunks = group.list(1);
                for (int c = 0; c < columns.size(); c++) {
                    Thrift.Struct cm = ((Thrift.Struct) chunks.get(c)).struct(3);
                    readChunk(file, buf, cm, columns.get(c), values, c);
                }
                for (Object[] r : values) rows.add(r);
            }
            return new Table(columns, rows);
        } catch (RuntimeException e) {
            throw new IOException(file + ": unreadable Parquet metadata: " + e.getMessage(), e);
        }
    }

    private static void readChunk(Path file, byte[] buf, Thrift.Struct cm, Column col, Object[][] values, int c)
            throws IOException {
        if (cm.has(11)) throw new IOException(file + ": dictionary pages are not read here");
        int codec = (int) cm.i64(4);
        long remaining = cm.i64(5);
        Thrift.Reader r = new Thrift.Reader(buf, (int) cm.i64(9));
        int row = 0;
        while (remaining > 0) {
            Thrift.Struct header = r.struct();
            if (header.i64(1) != DATA_PAGE) throw new IOException(file + ": only version 1 data pages are read here");
            int size = (int) header.i64(3);
            byte[] raw = java.util.Arrays.copyOfRange(buf, r.pos, r.pos + size);
            r.pos += size;
            byte[] page = switch (codec) {
                case UNCOMPRESSED -> raw;
                case GZIP -> new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
                default -> throw new IOException(file + ": compression codec " + codec + " is not read here");
            };
            Thrift.Struct dph = header.struct(5);
            int count = (int) dph.i64(1);
            if (dph.i64(2) != PLAIN) throw new IOException(file + ": only PLAIN values are read here");
            ByteBuffer p = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
            boolean[] present = new boolean[count];
            if (col.required()) {
                java.util.Arrays.fill(present, true);
            } else {
                int levelsLength = p.getInt();
                int end = p.position() + levelsLength;
                decodeLevels(p, present);
                p.position(end);
            }
            for (int i = 0; i < count; i++, row++) {
                if (!present[i]) continue;
                values[row][c] = switch (col.type()) {
                    case INT64 -> p.getLong();
                    case DOUBLE -> p.getDouble();
                    case STRING -> {
                        byte[] s = new byte[p.getInt()];
                        p.get(s);
                        yield new String(s, StandardCharsets.UTF_8);
                    }
                };
            }
            remaining -= count;
        }
    }

    /** The RLE/bit-packing hybrid at bit width 1: RLE runs and bit-packed groups of eight. */
    private static void decodeLevels(ByteBuffer p, boolean[] out) {
        int i = 0;
        while (i < out.length) {
            long header = 0;
            for (int shift = 0; ; shift += 7) {
                int b = p.get() & 0xff;
                header |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) break;
            }
            if ((header & 1) == 0) {
                int run = (int) (header >>> 1);
                boolean v = (p.get() & 1) == 1;
                for (int k = 0; k < run && i < out.length; k++) out[i++] = v;
            } else {
                int groups = (int) (header >>> 1);
                for (int g = 0; g < groups; g++) {
                    int bits = p.get() & 0xff;
                    for (int k = 0; k < 8 && i < out.length; k++) out[i++] = (bits >>> k & 1) == 1;
                }
            }
        }
    }

    private static boolean startsWith(byte[] buf, int at) {
        for (int i = 0; i < 4; i++) if (buf[at + i] != MAGIC[i]) return false;
        return true;
    }
}
