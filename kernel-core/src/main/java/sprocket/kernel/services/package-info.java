/**
 * What the kernel offers the memory, file-system and IPC providers ({@link sprocket.api.kernel.KernelServices}):
 * sleep and wakeup, the calling process's credentials and limits, signals, charging time, counters, random streams,
 * and the process list /proc shows; and the name space as the socket layer reaches it for AF_UNIX names
 * ({@link sprocket.api.ipc.SocketNames}).
 */
package sprocket.kernel.services;
