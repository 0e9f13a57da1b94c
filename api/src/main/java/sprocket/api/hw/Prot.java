package sprocket.api.hw;

/** Page protection bits, with mmap(2)'s values. */
public final class Prot {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;

    private Prot() {
    }

    /** Whether {@code prot} allows {@code access}. */
    public static boolean allows(int prot, Access access) {
        return switch (access) {
            case READ -> (prot & READ) != 0;
            case WRITE -> (prot & WRITE) != 0;
            case EXECUTE -> (prot & EXEC) != 0;
        };
    }
}
