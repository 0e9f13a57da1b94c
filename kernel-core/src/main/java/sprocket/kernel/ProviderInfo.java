package sprocket.kernel;


/**
 * A provider found by discovery.
 *
 * @param origin where it came from: {@code "module sprocket.sched"}, a plug-in jar's path, or {@code "class path"}
 * @param compatible whether it was built for an API version this kernel runs
 */
public record ProviderInfo(Slot slot, String name, String version, String apiVersion, String origin,
        String description, boolean compatible) {
}
