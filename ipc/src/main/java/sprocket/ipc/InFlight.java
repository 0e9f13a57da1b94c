package sprocket.ipc;

import java.util.LinkedHashSet;
import java.util.List;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.Socket;

/**
 * The AF_UNIX sockets in flight: passed with SCM_RIGHTS in a message queued on some receive buffer and not yet
 * received (4.3BSD's unp_rights and f_msgcount, Linux's unix_tot_inflight, gc_inflight_list and u->inflight). A
 * message holds a reference to each file it carries, so a socket in flight can only be freed by receiving it or by
 * discarding the message; {@link UnixGc} finds the ones nobody can ever receive.
 */
final class InFlight {

    /** Sockets with {@link Sock#inflight} above zero, in the order they went in flight (Sock keeps identity equality). */
    private final LinkedHashSet<Sock> sockets = new LinkedHashSet<>();
    /** Messages' references to sockets, summed: non-zero means a close may have left garbage. */
    private int total;

    /** A message carrying {@code files} was queued on a receive buffer (Linux unix_inflight). */
    void enter(List<OpenFile> files) {
        for (OpenFile f : files) {
            if (f.ops() instanceof Sock s && s.domain == Socket.AF_UNIX) {
                s.file = f;
                if (s.inflight++ == 0) sockets.add(s);
                total++;
            }
        }
    }

    /**
     * A message carrying {@code files} left its queue: received, or about to be discarded (Linux unix_notinflight).
     * Called before any of them is released, so a collection a release starts sees every count right.
     */
    void leave(List<OpenFile> files) {
        for (OpenFile f : files) {
            if (f.ops() instanceof Sock s && s.domain == Socket.AF_UNIX) {
                if (--s.inflight == 0) sockets.remove(s);
                total--;
            }
        }
    }

    /** References to sockets held by queued messages. */
    int total() {
        return total;
    }

    /** The sockets in flight, in the order they went; the collector reads it and changes nothing while it does. */
    Iterable<Sock> sockets() {
        return sockets;
    }
}
