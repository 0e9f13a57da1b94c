/**
 * The System V IPC set ({@code ipc = sysv}): pipes now; System V shared memory, semaphores, messages and
 * sockets as the module grows.
 */
module sprocket.ipc {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.ipc.IpcProvider with sprocket.ipc.SysvIpcProvider;
}
