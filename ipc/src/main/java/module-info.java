/**
 * The System V IPC set ({@code ipc = sysv}): pipes, and System V semaphores, message queues and shared memory.
 */
module sprocket.ipc {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.ipc.IpcProvider with sprocket.ipc.SysvIpcProvider;
}
