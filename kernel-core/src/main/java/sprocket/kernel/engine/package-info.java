/**
 * The deterministic multiprocessor engine: CPUs with cycle clocks, the event queue (interrupts and callouts), the
 * threads it runs as coroutines, sleep and wakeup on channels, and the kernel's guard around the scheduling
 * policy (dispatch, the run-queue custody, ejection to the fallback). A process is a {@link
 * sprocket.kernel.engine.Kthread}; the engine knows nothing else about processes.
 */
package sprocket.kernel.engine;
