/**
 * Numbers every module and program shares: the API version, errno values and signal numbers (IRIX/SVR4 MIPS ABI),
 * and the one way a provider SPI reports failure.
 *
 * <p>Errors: every provider SPI call that fails (file system, IPC, memory manager, machine, scheduler) throws
 * {@link sprocket.api.ErrnoException} with the errno its system call returns, and leaves everything as it was. It
 * never returns a negative errno, never null or false, never null with the errno in an {@code int[]} out-parameter,
 * and never a record carrying an errno. The kernel's system-call layer catches the exception in one place and
 * returns -1 with errno set; kernel code that must undo work of its own on a failure catches it there. A fault is not
 * a call: {@link sprocket.api.vm.AddressSpace#fault} answers the signal the faulting process gets.
 */
package sprocket.api;
