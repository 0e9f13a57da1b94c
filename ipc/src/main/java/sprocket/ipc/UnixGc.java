package sprocket.ipc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.fs.OpenFile;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;

/**
 * The garbage collector of sockets in flight (4.3BSD unp_gc, Linux net/unix/garbage.c). A socket sent over itself,
 * or a cycle of sockets each queued in another's receive buffer, keeps itself alive through the messages that carry
 * it after every descriptor is closed, and nobody can ever receive those messages. Such a socket is garbage when
 * every reference to it is a message in flight (f_count == f_msgcount) and none of those messages sits in the queue
 * of a socket that is reachable: one a descriptor or a call still holds, or one queued on a reachable socket. The
 * messages queued on garbage sockets are then discarded, which releases what they carry, the sockets included.
 */
final class UnixGc {

    private static final Logger LOG = LoggerFactory.getLogger(UnixGc.class);

    /** Where a socket in flight stands in the current collection. */
    static final byte NONE = 0;
    static final byte CANDIDATE = 1;
    static final byte REACHABLE = 2;

    private final InFlight inFlight;
    private final KernelServices kernel;
    /** The run statistic, made at the first garbage so runs without any report as before. */
    private Counter collected;
    /** A collection releases files, which closes sockets, which would start another (Linux gc_in_progress). */
    private boolean running;

    UnixGc(InFlight inFlight, KernelServices kernel) {
        this.inFlight = inFlight;
        this.kernel = kernel;
    }

    /** Finds the garbage among the sockets in flight and discards the messages that keep it alive. */
    void collect() {
        if (running || inFlight.total() == 0) return;
        running = true;
        try {
            List<Sock> candidates = new ArrayList<>();
            for (Sock s : inFlight.sockets()) {
                // No descriptor and no call holds it: only messages do.
                if (s.file.references() == s.inflight) {
                    s.gcState = CANDIDATE;
                    s.gcRefs = s.inflight;
                    candidates.add(s);
                }
            }
            if (candidates.isEmpty()) return;
            List<OpenFile> carried = new ArrayList<>();
            // Take away the references candidates' own queues hold: what remains comes from a queue outside.
            for (Sock c : candidates) {
                carried.clear();
                c.queuedRights(carried);
                for (OpenFile f : carried) {
                    if (f.ops() instanceof Sock s && s.gcState == CANDIDATE) s.gcRefs--;
                }
            }
            // Those are reachable, and so is everything their queues carry, transitively.
            ArrayDeque<Sock> reached = new ArrayDeque<>();
            for (Sock c : candidates) {
                if (c.gcRefs > 0) {
                    c.gcState = REACHABLE;
                    reached.addLast(c);
                }
            }
            Sock r;
            while ((r = reached.pollFirst()) != null) {
                carried.clear();
                r.queuedRights(carried);
                for (OpenFile f : carried) {
                    if (f.ops() instanceof Sock s && s.gcState == CANDIDATE) {
                        s.gcState = REACHABLE;
                        reached.addLast(s);
                    }
                }
            }
            // The rest is garbage: every message on its queues comes off them before any file is let go, so the
            // closes the releases cause find the queues already empty of rights.
            List<OpenFile> hitlist = new ArrayList<>();
            int garbage = 0;
            for (Sock c : candidates) {
                if (c.gcState == CANDIDATE) {
                    c.purgeRights(hitlist);
                    garbage++;
                }
                c.gcState = NONE;
            }
            if (garbage == 0) return;
            if (collected == null) collected = kernel.counter("sockets_collected");
            collected.add(garbage);
            LOG.debug("unp_gc: {} of {} sockets in flight are garbage", garbage, candidates.size());
            Sock.discard(hitlist);
        } finally {
            running = false;
        }
    }
}
