package sprocket.api.ipc;

/** Inter-process communication, as the kernel calls it inside system calls. */
public interface Ipc {

    /** pipe(2): a read end and a write end, each held once. */
    PipeResult pipe();

    /** Live pipes (for the kernel's invariant checks: none remain once every process has exited). */
    int livePipes();
}
