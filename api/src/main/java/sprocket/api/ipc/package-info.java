/** The IPC SPI: pipes, System V IPC and sockets. */
package sprocket.api.ipc;
