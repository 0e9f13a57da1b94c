/**
 * Kernel locks in simulated time: the big kernel lock or one lock per subsystem (a configuration choice), and the
 * share group's locks. CPUs run in lock-step quanta, so a lock remembers the intervals it was held and a CPU that
 * wants it spins, or sleeps, until they end; the cycles spent are counted.
 */
package sprocket.kernel.lock;
