package sprocket.api.ipc;

import sprocket.api.spi.Provider;

/** Makes the IPC set; found by {@code ServiceLoader}, picked by the configuration's {@code ipc} key. */
public interface IpcProvider extends Provider {

    /** Called once per boot. */
    Ipc create(IpcContext context);
}
