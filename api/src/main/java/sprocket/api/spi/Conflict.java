package sprocket.api.spi;

import java.util.List;

/**
 * Settings that cannot hold together, as {@link Provider#conflicts} finds them: the configuration keys involved and
 * why, in a sentence. The kernel reports it as a configuration error naming each key, its value and the file and
 * line that set it, and does not boot.
 *
 * @param keys the keys whose values conflict, each one the kernel or a chosen provider declares
 * @param reason why those values cannot work together, without the keys' values (the kernel adds them)
 */
public record Conflict(List<String> keys, String reason) {

    public Conflict {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) throw new IllegalArgumentException("a conflict names at least one key");
    }
}
