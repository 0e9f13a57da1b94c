package sprocket.api.spi;

import java.util.List;

/**
 * Common face of every provider that fills a slot. {@code ServiceLoader} finds providers; the kernel calls
 * these methods while it lists and selects them, before anything boots.
 */
public interface Provider {

    /** The name a configuration uses to pick this provider, such as {@code "r2000"}; lower case, unique per slot. */
    String name();

    /** This provider's own version. */
    String version();

    /**
     * The API version this provider was compiled against. Implement it as {@code return ApiVersion.CURRENT;}:
     * javac inlines the constant, so a provider built against another API says so and the kernel refuses it.
     */
    String apiVersion();

    /** One line for {@code sprocket modules}. */
    String description();

    /**
     * The configuration keys this provider accepts, each starting with its slot's key and a dot
     * ({@code "sched.slice"}). The kernel rejects a configuration that sets a key nobody declares.
     */
    default List<Tunable> tunables() {
        return List.of();
    }

    /**
     * Called once per configuration check, after every value has passed its own {@link Tunable}'s bounds, with the
     * settings the kernel would boot with: this provider's keys, and the kernel's (the machine's {@code hw.cpus} and
     * {@code hw.memory} among them). Returns the combinations this provider cannot work with, each naming its keys,
     * so that a contradictory configuration is refused before boot rather than failing later; empty when none.
     */
    default List<Conflict> conflicts(Settings settings) {
        return List.of();
    }
}
