/**
 * The system call layer: the table every call is declared in ({@link sprocket.kernel.syscall.SyscallTable}), the
 * stubs programs call ({@link sprocket.kernel.syscall.SysImpl}) and the user-mode CPU they run on, the one frame
 * every call enters and leaves by ({@link sprocket.kernel.syscall.Trap}) with the return to user mode (preemption,
 * signal delivery, blockproc), process start, the machine's traps, and the kernel's code for each family of calls
 * (ProcessCalls, FileCalls, ...). A new system call is one line in the table, one stub and one method in its family.
 */
package sprocket.kernel.syscall;
