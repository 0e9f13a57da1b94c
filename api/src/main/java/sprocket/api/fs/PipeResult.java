package sprocket.api.fs;

/** The two ends of a new pipe, or the errno saying why there are none. */
public record PipeResult(OpenFile readEnd, OpenFile writeEnd, int errno) {

    public static PipeResult error(int errno) {
        return new PipeResult(null, null, errno);
    }
}
