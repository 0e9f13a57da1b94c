package sprocket.kernel.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A simulated process's Java stack, run on the engine's thread until it yields. Two implementations: the JDK's
 * internal {@code jdk.internal.vm.Continuation} (about 90 ns a switch; needs {@code --add-exports
 * java.base/jdk.internal.vm=sprocket.kernel}) and, when that is not exported to us, a virtual thread handed
 * control back and forth (slower, but it needs no flag).
 */
public abstract class Coroutine {

    /** Runs the body until it yields or ends; returns true when it has ended. */
    abstract boolean resume();

    /** Whether the body has ended. */
    abstract boolean done();

    /** Gives control back to whoever called {@link #resume}; called on the coroutine itself. */
    abstract void suspend();

    /** Which implementation this JVM gives: {@code "continuation"} or {@code "virtual-thread"}. */
    public static String kind() {
        return ContinuationCoroutine.AVAILABLE ? "continuation" : "virtual-thread";
    }

    /**
     * A new Java stack that will run {@code body} on its first {@link #resume(Object)}: the JDK's continuation itself,
     * with no object of ours around it (a thread's stack is one pointer away from the thread, which a switch among
     * many runnable threads pays a host cache miss for), or a virtual-thread coroutine.
     */
    static Object create(Runnable body) {
        return ContinuationCoroutine.AVAILABLE ? ContinuationCoroutine.create(body) : new VirtualThreadCoroutine(body);
    }

    /** Runs {@code stack} (made by {@link #create}) until it yields or ends; returns true when it has ended. */
    static boolean resume(Object stack) {
        return ContinuationCoroutine.AVAILABLE ? ContinuationCoroutine.resume(stack)
                : ((VirtualThreadCoroutine) stack).resume();
    }

    /** Gives control back to whoever resumed {@code stack}; called on that stack itself. */
    static void suspend(Object stack) {
        if (ContinuationCoroutine.AVAILABLE) {
            ContinuationCoroutine.suspend();
        } else {
            ((VirtualThreadCoroutine) stack).suspend();
        }
    }

    /** jdk.internal.vm.Continuation through method handles, so the build needs no internal API at compile time. */
    static final class ContinuationCoroutine {
        static final boolean AVAILABLE;
        private static final Object SCOPE;
        private static final MethodHandle NEW;
        private static final MethodHandle RUN;
        private static final MethodHandle YIELD;
        private static final MethodHandle IS_DONE;

        static {
            Object scope = null;
            MethodHandle create = null;
            MethodHandle run = null;
            MethodHandle yield = null;
            MethodHandle isDone = null;
            boolean ok = false;
            try {
                if (!Boolean.getBoolean("sprocket.virtualThreads")) {
                    Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                    Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
                    if (contClass.getModule().isExported("jdk.internal.vm", Coroutine.class.getModule())) {
                        MethodHandles.Lookup lookup = MethodHandles.lookup();
                        scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                                .invoke("sprocket");
                        create = lookup.findConstructor(contClass,
                                        MethodType.methodType(void.class, scopeClass, Runnable.class))
                                .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                        run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                                .asType(MethodType.methodType(void.class, Object.class));
                        yield = lookup.findStatic(contClass, "yield",
                                        MethodType.methodType(boolean.class, scopeClass))
                                .asType(MethodType.methodType(boolean.class, Object.class));
                        isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                                .asType(MethodType.methodType(boolean.class, Object.class));
                        ok = true;
                    }
                }
            } catch (Throwable e) {
                ok = false;
            }
            AVAILABLE = ok;
            SCOPE = scope;
            NEW = create;
            RUN = run;
            YIELD = yield;
            IS_DONE = isDone;
        }

        private ContinuationCoroutine() {
        }

        static Object create(Runnable body) {
            try {
                return (Object) NEW.invokeExact(SCOPE, body);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create a continuation", e);
            }
        }

        static boolean resume(Object continuation) {
            try {
                RUN.invokeExact(continuation);
                return (boolean) IS_DONE.invokeExact(continuation);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static void suspend() {
            try {
                boolean yielded = (boolean) YIELD.invokeExact(SCOPE);
                if (!yielded) {
                    throw new IllegalStateException("a process cannot yield while its Java stack is pinned "
                            + "(a synchronized block or a native frame)");
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
