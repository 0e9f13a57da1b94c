package sprocket.kernel.syscall;

import static sprocket.api.Signals.SIGABRT;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Wait;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.lifecycle.Exit;
import sprocket.kernel.proc.ExecUnwind;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;

/**
 * A new process's first return to user mode, and the bottom of its Java stack: it acts on the signals it was born
 * with, runs its entry point (a fork child's) or its program's main, and exits with what they return. exec(2)
 * unwinds to here and starts the new program's main; a program that throws dies of SIGABRT, as a faulting
 * instruction would.
 */
@Singleton
public final class UserEntry {
    private static final Logger log = LoggerFactory.getLogger(UserEntry.class);

    private final Engine engine;
    private final Delivery delivery;
    private final Exit exit;

    @Inject
    UserEntry(Engine engine, Delivery delivery, Exit exit) {
        this.engine = engine;
        this.delivery = delivery;
        this.exit = exit;
    }

    /** Starts {@code child} (made by fork, vfork, sproc or clone of {@code parent}; init has none) running. */
    public void start(Proc child, Proc parent) {
        engine.start(child, parent, () -> body(child));
    }

    private void body(Proc p) {
        try {
            if (p.sig.ready()) delivery.check(p);
            while (true) {
                try {
                    int status;
                    ProcessEntry e = p.entry;
                    if (e != null) {
                        p.entry = null;
                        status = e.run(p.sys);
                    } else {
                        status = p.program.main(p.sys, p.argv.clone());
                    }
                    exit.exit(p, Wait.exited(status));
                } catch (ExecUnwind x) {
                    if (p.exiting()) throw ProcessExit.INSTANCE;
                }
            }
        } catch (ProcessExit x) {
            // the process is a zombie; its stack ends here
        } catch (PanicException x) {
            throw x;
        } catch (RuntimeException | StackOverflowError x) {
            crashed(p, x);
        }
    }

    /** A program threw: as a faulting instruction would, it dies of SIGABRT with a core. */
    private void crashed(Proc p, Throwable x) {
        log.warn("pid {} ({}) died of an uncaught {}: {}", p.pid, p.command, x.getClass().getSimpleName(),
                x.getMessage());
        try {
            p.exiting(false);
            if (!p.inKernel()) p.enterKernel();
            exit.exit(p, Wait.signaled(SIGABRT, true));
        } catch (ProcessExit done) {
            // dead
        }
    }
}
