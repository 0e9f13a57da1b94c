package sprocket.api.sys;

/**
 * A program, installed as /bin/{@link #name()}; found by {@code ServiceLoader}. exec(2) starts it in a
 * fresh image at {@link #main}; returning from main is exit(2) with the returned status.
 */
public interface Program {

    /** The file name under /bin. */
    String name();

    /** One line for listings. */
    String summary();

    /** The program's entry point; {@code argv[0]} is the name it was run by. */
    int main(Sys sys, String[] argv);
}
