/**
 * The System V IPC set ({@code ipc = sysv}): pipes, System V semaphores and message queues; shared memory
 * and sockets as the module grows.
 */
module sprocket.ipc {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.ipc.IpcProvider with sprocket.ipc.SysvIpcProvider;
}
