package sprocket.sweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import sprocket.cli.sweep.Sweep;
import sprocket.cli.sweep.SweepFile;
import sprocket.cli.sweep.SweepFile.Located;
import sprocket.cli.sweep.SweepFileException;
import sprocket.kernel.Catalog;

/**
 * A sweep as it travels to the executors: the sweep file's text and its configurations' contents, so that an executor
 * needs no shared file system. An executor writes the configurations to a folder of its own and plans the same grid.
 *
 * @param name the sweep file's name, for messages
 * @param text the sweep file
 * @param configNames each configuration's file name, in the file's order
 * @param configTexts each configuration's content
 */
record ShippedSweep(String name, String text, List<String> configNames, List<String> configTexts)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** One plan per sweep and executor JVM: every task of the JVM runs its rows from it. */
    private static final ConcurrentHashMap<ShippedSweep, Sweep> PLANNED = new ConcurrentHashMap<>();

    static ShippedSweep of(SweepFile file) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Located<Path> c : file.configs()) {
            names.add(c.value().getFileName().toString());
            texts.add(Files.readString(c.value()));
        }
        return new ShippedSweep(file.file(), file.text(), names, texts);
    }

    /** The sweep planned here, with the configurations written to a temporary folder. */
    Sweep plan() {
        return PLANNED.computeIfAbsent(this, s -> {
            try {
                Path dir = Files.createTempDirectory("sprocket-sweep-");
                List<Located<Path>> configs = new ArrayList<>();
                SweepFile read = SweepFile.parse(name, text, dir);
                for (int i = 0; i < configNames.size(); i++) {
                    // A folder per configuration: two of them may share a file name.
                    Path file = Files.createDirectories(dir.resolve(String.valueOf(i))).resolve(configNames.get(i));
                    Files.writeString(file, configTexts.get(i));
                    file.toFile().deleteOnExit();
                    configs.add(new Located<>(read.configs().get(i).line(), file));
                }
                SweepFile here = new SweepFile(read.file(), read.text(), configs, read.programs(), read.sets(),
                        read.axes(), read.seeds(), read.stats());
                return Sweep.plan(here, Catalog.discover(List.of()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SweepFileException e) {
                throw new IllegalStateException("the sweep checked on the driver fails here: " + e.getMessage(), e);
            }
        });
    }
}
