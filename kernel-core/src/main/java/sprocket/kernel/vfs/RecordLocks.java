package sprocket.kernel.vfs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.IntConsumer;
import sprocket.api.sys.Flock;

/**
 * A regular file's fcntl(2) record locks (SVR4 keeps them as a list of {@code filock}s on the vnode), every
 * owner's, in order of their first byte. One owner's locks never overlap, and two of its locks of the same type
 * never touch: fcntl(2) merges them, so each owner holds the fewest ranges that say what it locked.
 */
final class RecordLocks {

    /** First byte, then owner: reports and scans then do not depend on the order the locks were set in. */
    private static final Comparator<LockRange> ORDER =
            Comparator.comparingLong(LockRange::start).thenComparingInt(LockRange::owner);

    private final ArrayList<LockRange> locks = new ArrayList<>();

    boolean isEmpty() {
        return locks.isEmpty();
    }

    /**
     * F_GETLK: "the first lock which blocks the lock description" — the blocking lock that starts lowest — or null
     * when {@code request} could be granted now.
     */
    LockRange blocker(LockRange request) {
        for (int i = 0, n = locks.size(); i < n; i++) {
            LockRange l = locks.get(i);
            if (l.start() >= request.end()) break;
            if (l.blocks(request)) return l;
        }
        return null;
    }

    /** The owners of every lock that blocks {@code request}, once per lock: the edges of the waits-for graph. */
    void blockingOwners(LockRange request, IntConsumer owners) {
        for (int i = 0, n = locks.size(); i < n; i++) {
            LockRange l = locks.get(i);
            if (l.start() >= request.end()) break;
            if (l.blocks(request)) owners.accept(l.owner());
        }
    }

    /**
     * F_SETLK once nothing blocks {@code request}: its owner's locks in the range give way to it. fcntl(2): "Locking a
     * segment that is already locked by the calling process causes the old lock type to be removed and the new lock
     * type to take effect"; "Changing or unlocking a segment from the middle of a larger locked segment leaves two
     * smaller segments at either end." F_UNLCK only removes. Returns whether bytes were unlocked or went from a write
     * lock to a read lock, which may let a waiting process in.
     */
    boolean set(LockRange request) {
        int owner = request.owner();
        int type = request.type();
        long start = request.start();
        long end = request.end();
        boolean released = false;
        ArrayList<LockRange> kept = new ArrayList<>(locks.size() + 2);
        for (int i = 0, n = locks.size(); i < n; i++) {
            LockRange l = locks.get(i);
            if (l.owner() != owner) {
                kept.add(l);
            } else if (l.type() == type && l.touches(start, end)) {
                // The same type over or next to the new range: one lock covers both.
                start = Math.min(start, l.start());
                end = Math.max(end, l.end());
            } else if (l.overlaps(request.start(), request.end())) {
                if (l.start() < request.start()) kept.add(new LockRange(owner, l.type(), l.start(), request.start()));
                if (l.end() > request.end()) kept.add(new LockRange(owner, l.type(), request.end(), l.end()));
                released |= type == Flock.F_UNLCK || l.type() == Flock.F_WRLCK;
            } else {
                kept.add(l);
            }
        }
        if (type != Flock.F_UNLCK) kept.add(new LockRange(owner, type, start, end));
        kept.sort(ORDER);
        locks.clear();
        locks.addAll(kept);
        return released;
    }

    /**
     * Drops every lock {@code owner} holds on the file: fcntl(2), "All locks associated with a file for a given process
     * are removed when a file descriptor for that file is closed by that process or the process holding that file
     * descriptor terminates." Returns whether it held any.
     */
    boolean releaseAll(int owner) {
        return locks.removeIf(l -> l.owner() == owner);
    }

    /** What a process sleeping on this waits for ({@code record lock}): its wait channel's name in a deadlock report. */
    @Override
    public String toString() {
        return "record lock";
    }
}
