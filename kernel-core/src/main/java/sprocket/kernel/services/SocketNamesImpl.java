package sprocket.kernel.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.ipc.SocketFile;
import sprocket.api.ipc.SocketNames;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.vfs.NameSpace;

/** The name space as the socket layer reaches it for AF_UNIX addresses, acting for the running process. */
@Singleton
public final class SocketNamesImpl implements SocketNames {
    private final NameSpace names;
    private final Engine engine;

    @Inject
    SocketNamesImpl(NameSpace names, Engine engine) {
        this.names = names;
        this.engine = engine;
    }

    private Proc current() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("an AF_UNIX name was resolved outside a process");
        return (Proc) t;
    }

    @Override
    public void bind(String path, int mode, SocketFile socket) {
        names.bindSocket(current().nameContext(), path, mode, socket);
    }

    @Override
    public SocketFile find(String path) {
        return names.findSocket(current().nameContext(), path);
    }

    @Override
    public void unbind(SocketFile socket) {
        names.unbindSocket(socket);
    }
}
