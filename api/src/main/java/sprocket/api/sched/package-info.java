/**
 * The scheduler SPI. A policy sees tasks through the read-only {@link sprocket.api.sched.Task} view and
 * answers the kernel's callbacks; it keeps its own run queues. The kernel calls every method from the
 * engine's single thread, so a policy needs no locking, and it never calls a policy re-entrantly.
 */
package sprocket.api.sched;
