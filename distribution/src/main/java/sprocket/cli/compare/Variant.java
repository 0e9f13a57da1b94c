package sprocket.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One simulation of a comparison: a configuration file, the values the {@code --vary} options gave it, and a seed.
 *
 * @param index the run's place in the comparison, from 0
 * @param column which column of the table it belongs to (runs differing only in their seed share one)
 * @param config the configuration file
 * @param varied the varied keys and their values here, in the order the options gave them
 * @param seed the seed it runs with
 */
public record Variant(int index, int column, Path config, Map<String, String> varied, long seed) {

    /** The configuration's name: its file name without {@code .conf}. */
    public String configName() {
        String name = config.getFileName().toString();
        return name.endsWith(".conf") ? name.substring(0, name.length() - ".conf".length()) : name;
    }

    /** The overrides that make this variant from its file: the varied values, then the seed. */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        varied.forEach((k, v) -> out.add(k + "=" + v));
        out.add("seed=" + seed);
        return out;
    }

    /** The variant in a few words, for progress and messages: {@code irix-r2000 hw.cpus=2 seed 1}. */
    public String label() {
        StringBuilder b = new StringBuilder(configName());
        varied.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.append(" seed ").append(seed).toString();
    }
}
