/** The IPC SPI: pipes now; FIFOs, System V IPC and sockets as the IPC module grows. */
package sprocket.api.ipc;
