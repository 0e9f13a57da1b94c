package sprocket.ipc;

import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;

/** The IPC set one boot uses: it makes pipes and counts the ones still open. */
final class SysvIpc implements Ipc {

    private final KernelServices kernel;
    /** Pipe numbers (their st_ino) in creation order, so runs repeat exactly. */
    private int nextId = 1;
    private int live;

    SysvIpc(KernelServices kernel) {
        this.kernel = kernel;
    }

    @Override
    public PipeResult pipe() {
        Credentials cred = kernel.credentials();
        Pipe pipe = new Pipe(this, kernel, nextId++, cred.euid(), cred.egid());
        live++;
        return new PipeResult(pipe.readEnd(), pipe.writeEnd(), 0);
    }

    @Override
    public int livePipes() {
        return live;
    }

    /** The last descriptor of {@code pipe}'s last end was closed. */
    void closed() {
        live--;
    }
}
