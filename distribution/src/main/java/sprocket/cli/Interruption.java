package sprocket.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sprocket.kernel.Kernel;

/**
 * ^C (SIGINT) or SIGTERM while `sprocket run` runs. The JVM answers either by running its shutdown hooks and then
 * exiting (with 128 + the signal); this hook asks the kernel to stop at the engine's next turn and holds the exit
 * until the command has printed the summary and written --stats-json and --trace, marked as interrupted, so that
 * they describe the run so far rather than nothing.
 */
final class Interruption implements AutoCloseable {

    /** How long the hook holds the exit for the outputs: long enough for any trace, short of hanging a ^C forever. */
    private static final long OUTPUTS_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "sprocket-interrupt");
    private volatile Kernel kernel;
    private volatile boolean requested;

    private Interruption() {
    }

    /** Installs the hook for one run; {@link #close} takes it away again once the outputs are written. */
    static Interruption install() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** The kernel a ^C should stop; one that came while it booted stops it at once. */
    void watch(Kernel k) {
        kernel = k;
        if (requested) k.interrupt();
    }

    /** The shutdown hook: stop the run, then wait for the command to write what it has. */
    private void interrupted() {
        requested = true;
        Kernel k = kernel;
        if (k != null) k.interrupt();
        try {
            finished.await(OUTPUTS_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outputs are written (or the run failed): the JVM may exit, and the next run has a hook of its own. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, and returns now.
        }
    }
}
