package sprocket.api.vm;

/**
 * The shape of a new program image, for exec: the text of program {@code program} (shared read-only by every
 * process running it), initialised data, and the stack's size limit (RLIMIT_STACK).
 */
public record Image(String program, long textBytes, long dataBytes, long stackLimit) {
}
