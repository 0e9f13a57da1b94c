package sprocket.libc;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import sprocket.api.sys.Sys;

/**
 * A {@link Sys} for the library's routines that need no kernel: write(2) appends to a buffer per descriptor (or
 * does what the test queued: a short write, a failure with an errno), errno is kept, and any other call fails the
 * test.
 */
final class Recorder {
    private final Map<Integer, ByteArrayOutputStream> out = new HashMap<>();
    /** Queued outcomes of the next writes: a count to accept at most, or a negative errno to fail with. */
    private final Deque<Integer> writes = new ArrayDeque<>();
    private int errno;
    int writeCalls;
    final Sys sys = (Sys) Proxy.newProxyInstance(Sys.class.getClassLoader(), new Class<?>[] {Sys.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "errno" -> {
                    if (args == null) yield errno;
                    errno = (Integer) args[0];
                    yield null;
                }
                case "write" -> write((Integer) args[0], (byte[]) args[1], (Integer) args[2], (Integer) args[3]);
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "Recorder";
                default -> throw new AssertionError("unexpected call " + method.getName());
            });

    /** The next write accepts at most {@code n} bytes (0: returns 0). */
    Recorder shortWrite(int n) {
        writes.add(n);
        return this;
    }

    /** The next write fails with {@code e}. */
    Recorder failWrite(int e) {
        writes.add(-e);
        return this;
    }

    String text(int fd) {
        ByteArrayOutputStream b = out.get(fd);
        return b == null ? "" : b.toString(StandardCharsets.UTF_8);
    }

    int errno() {
        return errno;
    }

    private int write(int fd, byte[] b, int off, int len) {
        writeCalls++;
        Integer next = writes.poll();
        if (next != null && next < 0) {
            errno = -next;
            return -1;
        }
        int n = next == null ? len : Math.min(next, len);
        out.computeIfAbsent(fd, k -> new ByteArrayOutputStream()).write(b, off, n);
        return n;
    }
}
