package sprocket.kernel.engine;

/**
 * A wait channel the kernel makes for one sleep (its wchan), with a name: a deadlock report shows what each process
 * waits for, and the same run must show the same names (a bare Object would print an identity hash).
 */
public final class Wchan {
    private final String name;

    public Wchan(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
