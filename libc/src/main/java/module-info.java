/**
 * The C library: what IRIX and every Unix keep in libc rather than in the kernel, as library code running in the
 * calling process over the system calls of {@link sprocket.api.sys.Sys} and the instructions of its
 * {@link sprocket.api.sys.UserCpu}. Programs link against it; nothing else does.
 */
module sprocket.libc {
    requires transitive sprocket.api;

    exports sprocket.libc;
}
