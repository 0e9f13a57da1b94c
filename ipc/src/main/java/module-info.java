/**
 * The System V IPC set ({@code ipc = sysv}): pipes, System V semaphores, message queues and shared memory, and
 * sockets (AF_UNIX, and AF_INET over the loopback interface).
 */
module sprocket.ipc {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.ipc.IpcProvider with sprocket.ipc.SysvIpcProvider;
}
