package sprocket.kernel;

/** A program found by discovery, installed as /bin/{@code name}. */
public record ProgramInfo(String name, String summary, String origin) {
}
