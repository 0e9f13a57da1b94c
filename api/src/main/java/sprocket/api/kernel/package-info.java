/**
 * What the kernel offers the providers it loads: sleeping on wait channels and waking them, the calling
 * process's identity, signals, and charging simulated time. The kernel implements these; providers call them.
 */
package sprocket.api.kernel;
