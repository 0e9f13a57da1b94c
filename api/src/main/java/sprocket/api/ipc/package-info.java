/**
 * The IPC SPI: pipes, System V IPC and sockets. A pipe's end and a socket are the objects behind open files
 * ({@link sprocket.api.fs.FileOps}); the kernel keeps the entries. AF_UNIX names live in the kernel's name space,
 * reached through {@link sprocket.api.ipc.SocketNames}. Failures throw {@link sprocket.api.ErrnoException}.
 */
package sprocket.api.ipc;
