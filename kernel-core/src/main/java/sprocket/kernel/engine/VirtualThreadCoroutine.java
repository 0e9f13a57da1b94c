package sprocket.kernel.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A coroutine as a virtual thread and the engine taking strict turns: exactly one of them runs at any time, so
 * the simulation stays deterministic. Used when jdk.internal.vm is not exported to the kernel.
 */
final class VirtualThreadCoroutine extends Coroutine {
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean done;
    private volatile Thread resumer;
    private volatile Throwable failure;

    VirtualThreadCoroutine(Runnable body) {
        thread = Thread.ofVirtual().name("sprocket-process").unstarted(() -> {
            try {
                awaitTurn();
                body.run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                done = true;
                running = false;
                LockSupport.unpark(resumer);
            }
        });
    }

    @Override
    boolean resume() {
        resumer = Thread.currentThread();
        running = true;
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        while (running) {
            LockSupport.park(this);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error err) throw err;
            throw new IllegalStateException(f);
        }
        return done;
    }

    @Override
    boolean done() {
        return done;
    }

    @Override
    void suspend() {
        running = false;
        LockSupport.unpark(resumer);
        awaitTurn();
    }

    private void awaitTurn() {
        while (!running) {
            LockSupport.park(this);
        }
    }
}
