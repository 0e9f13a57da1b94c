/**
 * Numbers every module and program shares: the API version, errno values and signal numbers (IRIX/SVR4 MIPS ABI),
 * and the one way a provider SPI reports failure.
 *
 * <p>Errors: a provider SPI call (file system, IPC) that fails throws {@link sprocket.api.ErrnoException} with the
 * errno its system call returns, and leaves everything as it was. It never returns a negative errno, never null with
 * the errno in an {@code int[]} out-parameter, and never a record carrying an errno. The kernel's system-call layer
 * catches the exception in one place and returns -1 with errno set; kernel code that must undo work of its own on a
 * failure catches it there.
 */
package sprocket.api;
