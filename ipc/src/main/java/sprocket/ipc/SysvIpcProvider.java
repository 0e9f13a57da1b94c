package sprocket.ipc;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcContext;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.spi.Conflict;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * Makes the System V IPC set (pipes, semaphores, message queues, shared memory) with sockets, configuration name
 * {@code sysv}.
 */
public final class SysvIpcProvider implements IpcProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SysvIpcProvider.class);

    public SysvIpcProvider() {
    }

    @Override
    public String name() {
        return "sysv";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "System V IPC: pipes of " + Pipe.PIPE_MAX + " bytes, atomic writes up to PIPE_BUF; semaphores; messages;"
                + " shared memory; AF_UNIX and loopback AF_INET sockets";
    }

    @Override
    public List<Tunable> tunables() {
        return IpcLimits.tunables();
    }

    @Override
    public List<Conflict> conflicts(Settings settings) {
        return IpcLimits.conflicts(settings);
    }

    @Override
    public Ipc create(IpcContext context) {
        IpcLimits limits = IpcLimits.from(context.kernel().settings());
        LOG.debug("sysv IPC: PIPE_MAX {}, PIPE_BUF {}, {}", Pipe.PIPE_MAX, Pipe.PIPE_BUF, limits);
        return new SysvIpc(context.kernel(), context.memory(), context.names(), limits);
    }
}
