package sprocket.api.fs;

/** A vnode found by a path, or the errno saying why there is none. */
public record VnodeResult(Vnode vnode, int errno) {

    public static VnodeResult of(Vnode vnode) {
        return new VnodeResult(vnode, 0);
    }

    public static VnodeResult error(int errno) {
        return new VnodeResult(null, errno);
    }
}
