package sprocket.kernel.config;

import java.util.Map;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/** Checked configuration values, with defaults for what the file leaves out. */
public final class ConfigSettings implements Settings {
    private final Map<String, Tunable> declared;
    private final Map<String, String> values;

    public ConfigSettings(Map<String, Tunable> declared, Map<String, String> values) {
        this.declared = Map.copyOf(declared);
        this.values = Map.copyOf(values);
    }

    private Tunable tunable(String key) {
        Tunable t = declared.get(key);
        if (t == null) throw new IllegalArgumentException("no provider declares the configuration key " + key);
        return t;
    }

    @Override
    public String get(String key) {
        Tunable t = tunable(key);
        return values.getOrDefault(key, t.defaultValue());
    }

    @Override
    public long getLong(String key) {
        return Values.parseLong(get(key));
    }

    @Override
    public long getSize(String key) {
        return Values.parseSize(get(key));
    }

    @Override
    public boolean getBool(String key) {
        return Boolean.parseBoolean(get(key));
    }

    @Override
    public long seed() {
        return getLong("seed");
    }
}
