package sprocket.api.fs;

/** An open file, or the errno saying why there is none. */
public record OpenResult(OpenFile file, int errno) {

    public static OpenResult of(OpenFile file) {
        return new OpenResult(file, 0);
    }

    public static OpenResult error(int errno) {
        return new OpenResult(null, errno);
    }
}
