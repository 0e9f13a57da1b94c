/**
 * Moving bytes between user buffers and the kernel (copyin, copyout, uiomove): one service, so every byte a system
 * call moves costs the machine's copy cost once.
 */
package sprocket.kernel.uio;
