package sprocket.kernel.vfs;

import java.util.ArrayDeque;
import java.util.TreeMap;
import java.util.TreeSet;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Flock;

/**
 * The processes asleep in F_SETLKW on any file, each with the lock it waits for (SVR4's {@code sleeplcks} list): the
 * waits-for graph fcntl(2) follows to refuse a sleep that "would cause a deadlock". A process waits for the owners of
 * the locks that block it; those that are themselves waiting wait for theirs.
 */
final class LockWaits {

    /** One process's wait: the file's locks and the lock it asked for. */
    private record Wait(RecordLocks locks, LockRange request) {
    }

    private final KernelServices kernel;
    /** By pid; looked up only, never listed, so no order leaks out. */
    private final TreeMap<Integer, Wait> waiting = new TreeMap<>();

    LockWaits(KernelServices kernel) {
        this.kernel = kernel;
    }

    /**
     * F_SETLK and F_SETLKW: grants {@code request} (its owner is the caller) on {@code locks}, or fails with EAGAIN
     * when another process's lock is in the way and {@code wait} is false. With {@code wait} the caller sleeps until
     * nothing blocks it, re-checking after every wake-up: EDEADLK if the sleep would close a cycle of waiting
     * processes, EINTR (nothing changed) if a signal comes first. Wakes the file's sleepers when bytes were freed.
     */
    void set(RecordLocks locks, LockRange request, boolean wait) {
        if (request.type() != Flock.F_UNLCK) {
            while (locks.blocker(request) != null) {
                // fcntl(2) EAGAIN: "the segment of a file to be locked is already ... locked by another process".
                if (!wait) throw ErrnoException.of(Errno.EAGAIN);
                if (deadlock(locks, request)) throw ErrnoException.of(Errno.EDEADLK);
                waiting.put(request.owner(), new Wait(locks, request));
                int r;
                try {
                    r = kernel.sleep(locks, true);
                } finally {
                    waiting.remove(request.owner());
                }
                if (r == Errno.EINTR) throw ErrnoException.of(Errno.EINTR);
            }
        }
        if (locks.set(request)) kernel.wakeup(locks);
    }

    /**
     * {@code owner} closed a descriptor of the file: all its locks there go (fcntl(2)), and whoever waits on the
     * file looks again. Cheap when the file has no locks, as nearly every file has none.
     */
    void closed(RecordLocks locks, int owner) {
        if (!locks.isEmpty() && locks.releaseAll(owner)) kernel.wakeup(locks);
    }

    /** Whether the caller, waiting for {@code request}, would wait (through other waiters) for itself. */
    private boolean deadlock(RecordLocks locks, LockRange request) {
        int caller = request.owner();
        ArrayDeque<Integer> owners = new ArrayDeque<>();
        TreeSet<Integer> seen = new TreeSet<>();
        locks.blockingOwners(request, owners::add);
        while (!owners.isEmpty()) {
            int owner = owners.poll();
            if (owner == caller) return true;
            if (!seen.add(owner)) continue;
            Wait w = waiting.get(owner);
            if (w != null) w.locks().blockingOwners(w.request(), owners::add);
        }
        return false;
    }
}
