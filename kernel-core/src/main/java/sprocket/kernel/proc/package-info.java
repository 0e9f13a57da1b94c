/**
 * The process structure and the process table: {@link sprocket.kernel.proc.Proc} (a {@link
 * sprocket.kernel.engine.Kthread} with what the rest of the kernel keeps per process, grouped by the part that owns
 * it), its credentials and limits (immutable values), its signal state, descriptor table and trap frame, and the
 * share group's shared address block. Data and the operations on it; the behaviour around it (fork, exit, signals,
 * the calls) lives in the packages above.
 */
package sprocket.kernel.proc;
