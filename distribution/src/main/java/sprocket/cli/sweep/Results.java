package sprocket.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A sweep's results folder: {@code _sweep.id} (which sweep it holds), {@code _sweep.conf} (a copy of the sweep file),
 * and Parquet files of rows: {@code part-NNNNN.parquet} written as runs finish, merged into one
 * {@code results.parquet}, ordered by run, when every run is there. Names starting with {@code _} are the ones Spark
 * and DuckDB's globs pass over. A folder holding another sweep's results is refused, never mixed.
 */
public final class Results {
    static final String ID = "_sweep.id";
    static final String COPY = "_sweep.conf";
    static final String MERGED = "results.parquet";
    /** Rows are written at least this often, so that a sweep stopped half way loses little. */
    private static final int FLUSH_ROWS = 32;
    private static final long FLUSH_NANOS = 10_000_000_000L;

    private final Path folder;
    private final Set<Long> done;
    private final int total;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final LongSupplier nanos;
    private long lastFlush;
    private int nextPart;
    /** Part files being written outside the lock: the merge waits for them. */
    private int writing;

    private Results(Path folder, Set<Long> done, int total, int nextPart, LongSupplier nanos) {
        this.folder = folder;
        this.done = done;
        this.total = total;
        this.nextPart = nextPart;
        this.nanos = nanos;
        this.lastFlush = nanos.getAsLong();
    }

    /**
     * Opens (or makes) {@code folder} for {@code sweep}'s results and reads which runs it holds already. An
     * {@link IOException} with a message for the user when it holds something else.
     */
    public static Results open(Path folder, Sweep sweep, LongSupplier nanos) throws IOException {
        String id = "sprocket sweep results\nsweep = " + sweep.file().file() + "\nidentity = " + sweep.identity()
                + "\nruns = " + sweep.runs().size() + "\n";
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw new IOException(folder + ": Not a directory");
        if (Files.isDirectory(folder) && !empty(folder)) {
            Path idFile = folder.resolve(ID);
            if (!Files.isRegularFile(idFile)) {
                throw new IOException(folder + ": not empty and not a sweep's results (no " + ID + "); give a new"
                        + " folder");
            }
            String had = Files.readString(idFile, StandardCharsets.UTF_8);
            if (!identityOf(had).equals(sweep.identity())) {
                throw new IOException(folder + ": holds the results of another sweep (" + sweepOf(had) + ", or this"
                        + " one before it or its configurations changed); give another folder, or remove this one to"
                        + " start again");
            }
        } else {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(ID), id, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(COPY), sweep.file().text(), StandardCharsets.UTF_8);
        }
        Set<Long> done = new HashSet<>();
        int next = 0;
        for (Path p : files(folder)) {
            Table t = ParquetFile.read(p);
            int run = t.index("run");
            for (Object[] r : t.rows()) done.add((Long) r[run]);
            String name = p.getFileName().toString();
            if (name.startsWith("part-")) {
                next = Math.max(next, Integer.parseInt(name.substring(5, name.indexOf('.'))) + 1);
            }
        }
        return new Results(folder, done, sweep.runs().size(), next, nanos);
    }

    private static String identityOf(String idFile) {
        for (String l : idFile.lines().toList()) if (l.startsWith("identity = ")) return l.substring(11);
        return "";
    }

    private static String sweepOf(String idFile) {
        for (String l : idFile.lines().toList()) if (l.startsWith("sweep = ")) return l.substring(8);
        return "an unknown sweep file";
    }

    private static boolean empty(Path folder) throws IOException {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(folder)) {
            return !d.iterator().hasNext();
        }
    }

    /** The Parquet files of {@code folder}, by name. */
    static List<Path> files(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(folder, "*.parquet")) {
            for (Path p : d) out.add(p);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /** Whether run {@code index} has its row already. */
    public synchronized boolean has(long index) {
        return done.contains(index);
    }

    /** How many runs have their row. */
    public synchronized int count() {
        return done.size();
    }

    /**
     * Takes a finished run's row; rows go to a part file every few rows or seconds, written on the calling thread
     * outside the lock, so that the other runs' threads hand in their rows meanwhile instead of waiting for the file.
     */
    public void add(Map<String, Object> row) throws IOException {
        Batch batch;
        synchronized (this) {
            if (!done.add((Long) row.get("run"))) return;
            pending.add(row);
            if (pending.size() < FLUSH_ROWS && nanos.getAsLong() - lastFlush < FLUSH_NANOS) return;
            batch = take();
        }
        write(batch);
    }

    /** Writes the rows taken since the last flush to a new part file. */
    public void flush() throws IOException {
        Batch batch;
        synchronized (this) {
            batch = take();
        }
        write(batch);
    }

    private void write(Batch batch) throws IOException {
        try {
            if (batch.file() != null) ParquetFile.write(batch.file(), Table.of(batch.rows(), Sweep.REQUIRED));
        } finally {
            synchronized (this) {
                if (batch.file() != null) writing--;
                notifyAll();
            }
        }
    }

    /** The rows pending, in run order, and the part file they go to (none when there are none); pending is emptied. */
    private Batch take() {
        lastFlush = nanos.getAsLong();
        if (pending.isEmpty()) return new Batch(null, List.of());
        List<Map<String, Object>> rows = new ArrayList<>(pending);
        pending.clear();
        rows.sort(Comparator.comparingLong(r -> (Long) r.get("run")));
        writing++;
        return new Batch(folder.resolve(String.format("part-%05d.parquet", nextPart++)), rows);
    }

    /** Rows on their way to a part file (written whole or not at all: {@link ParquetFile#write} renames into place). */
    private record Batch(Path file, List<Map<String, Object>> rows) {
    }

    /**
     * Flushes, and when every run has its row merges the part files into {@code results.parquet}, ordered by run:
     * the same sweep gives the same file, byte for byte, however its runs were spread.
     */
    public void finish() throws IOException {
        flush();
        synchronized (this) {
            while (writing > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            merge();
        }
    }

    private void merge() throws IOException {
        if (done.size() < total) return;
        List<Path> parts = files(folder);
        if (parts.size() == 1 && parts.getFirst().getFileName().toString().equals(MERGED)) return;
        ParquetFile.write(folder.resolve(MERGED), read(folder));
        for (Path p : parts) if (!p.getFileName().toString().equals(MERGED)) Files.delete(p);
    }

    /** Every row of a results folder, ordered by run: one table of every column any file has. */
    public static Table read(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(ID))) throw new IOException(folder + ": not a sweep's results (no "
                + ID + ")");
        TreeMap<Long, Map<String, Object>> rows = new TreeMap<>();
        for (Path p : files(folder)) {
            Table t = ParquetFile.read(p);
            for (int i = 0; i < t.rows().size(); i++) {
                Map<String, Object> row = t.row(i);
                rows.putIfAbsent((Long) row.get("run"), row);
            }
        }
        return Table.of(new ArrayList<>(rows.values()), Sweep.REQUIRED);
    }
}
