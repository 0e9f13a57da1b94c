package sprocket.cli.sweep;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrift's compact protocol, as much of it as a Parquet footer and page header need: Parquet writes its metadata this
 * way (Apache Thrift, "Thrift Compact Protocol"; Apache Parquet, "parquet.thrift"). {@link Writer} writes structs
 * field by field; {@link #read} reads any struct into a tree of field id to value.
 */
final class Thrift {
    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int BYTE = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    private Thrift() {
    }

    /** Writes one struct (and the structs inside it): fields in increasing id order, then {@link #end}. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Deque<Integer> outer = new ArrayDeque<>();
        private int last;

        Writer i32(int id, int v) {
            field(I32, id);
            varint(zigzag(v));
            return this;
        }

        Writer i64(int id, long v) {
            field(I64, id);
            varint(zigzag(v));
            return this;
        }

        Writer string(int id, String s) {
            field(BINARY, id);
            binary(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Opens a struct field; its fields follow, then {@link #end}. */
        Writer struct(int id) {
            field(STRUCT, id);
            return open();
        }

        /** Closes the innermost open struct (or the outermost one, which ends the message). */
        Writer end() {
            out.write(0);
            last = outer.isEmpty() ? 0 : outer.pop();
            return this;
        }

        Writer i32s(int id, List<Integer> values) {
            list(id, I32, values.size());
            for (int v : values) varint(zigzag(v));
            return this;
        }

        Writer strings(int id, List<String> values) {
            list(id, BINARY, values.size());
            for (String s : values) binary(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Opens a list of {@code size} structs: each element is {@link #element}, its fields, {@link #end}. */
        Writer structs(int id, int size) {
            list(id, STRUCT, size);
            return this;
        }

        /** A list element encoded by a writer of its own (a whole struct, its stop byte included). */
        Writer raw(byte[] struct) {
            out.write(struct, 0, struct.length);
            return this;
        }

        Writer element() {
            return open();
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Writer open() {
            outer.push(last);
            last = 0;
            return this;
        }

        private void list(int id, int type, int size) {
            field(LIST, id);
            if (size < 15) {
                out.write(size << 4 | type);
            } else {
                out.write(0xf0 | type);
                varint(size);
            }
        }

        private void field(int type, int id) {
            int delta = id - last;
            if (delta > 0 && delta <= 15) {
                out.write(delta << 4 | type);
            } else {
                out.write(type);
                varint(zigzag(id));
            }
            last = id;
        }

        private void binary(byte[] b) {
            varint(b.length);
            out.write(b, 0, b.length);
        }

        private void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }
    }

    /** A struct read back: each field's value by id (Long for integers, byte[] for binary, List, Struct, Boolean). */
    record Struct(Map<Integer, Object> fields) {
        long i64(int id) {
            Object v = fields.get(id);
            if (v == null) throw new IllegalStateException("field " + id + " missing");
            return (Long) v;
        }

        long i64(int id, long absent) {
            Object v = fields.get(id);
            return v == null ? absent : (Long) v;
        }

        String string(int id) {
            Object v = fields.get(id);
            return v == null ? null : new String((byte[]) v, StandardCharsets.UTF_8);
        }

        Struct struct(int id) {
            return (Struct) fields.get(id);
        }

        @SuppressWarnings("unchecked")
        List<Object> list(int id) {
            Object v = fields.get(id);
            return v == null ? List.of() : (List<Object>) v;
        }

        boolean has(int id) {
            return fields.containsKey(id);
        }
    }

    /** Where reading has got to in a buffer. */
    static final class Reader {
        private final byte[] buf;
        int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        /** Reads one struct from here. */
        Struct struct() {
            Map<Integer, Object> fields = new HashMap<>();
            int last = 0;
            while (true) {
                int b = next();
                if (b == 0) return new Struct(fields);
                int type = b & 0x0f;
                int delta = b >>> 4;
                int id = delta == 0 ? (int) unzigzag(varint()) : last + delta;
                last = id;
                fields.put(id, value(type));
            }
        }

        private Object value(int type) {
            return switch (type) {
                case BOOLEAN_TRUE -> Boolean.TRUE;
                case BOOLEAN_FALSE -> Boolean.FALSE;
                case BYTE -> (long) (byte) next();
                case I16, I32, I64 -> unzigzag(varint());
                case DOUBLE -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) bits |= (long) next() << (8 * i);
                    yield Double.longBitsToDouble(bits);
                }
                case BINARY -> {
                    int n = (int) varint();
                    if (n < 0 || pos + n > buf.length) throw new IllegalStateException("binary runs past the end");
                    byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
                    pos += n;
                    yield b;
                }
                case LIST, SET -> {
                    int h = next();
                    int size = h >>> 4 == 15 ? (int) varint() : h >>> 4;
                    int elem = h & 0x0f;
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < size; i++) items.add(elem == BOOLEAN_TRUE ? next() == 1 : value(elem));
                    yield items;
                }
                case MAP -> {
                    int size = (int) varint();
                    Map<Object, Object> m = new HashMap<>();
                    if (size > 0) {
                        int kv = next();
                        for (int i = 0; i < size; i++) m.put(value(kv >>> 4), value(kv & 0x0f));
                    }
                    yield m;
                }
                case STRUCT -> struct();
                default -> throw new IllegalStateException("unknown Thrift compact type " + type);
            };
        }

        private int next() {
            if (pos >= buf.length) throw new IllegalStateException("metadata runs past the end");
            return buf[pos++] & 0xff;
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new IllegalStateException("varint too long");
        }

        private static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }
    }
}
