/**
 * Posting signals: the permission rule of kill(2), recording a pending signal or discarding an ignored one, and
 * waking, continuing or interrupting its target. Nothing here acts on a signal: a process does that itself on its
 * way back to user mode (the system call layer's signal delivery).
 */
package sprocket.kernel.signal;
