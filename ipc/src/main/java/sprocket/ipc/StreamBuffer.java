package sprocket.ipc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.fs.OpenFile;

/**
 * A stream socket's receive buffer: a bounded ring of bytes, and the open files passed with some of them
 * (SCM_RIGHTS). Files ride with the bytes sent in the same call, as Linux keeps them on that call's buffer: the
 * first read that takes any of those bytes takes the files too and stops at the end of those bytes, so files never
 * arrive before the data sent before them, nor two sends' files in one read.
 */
final class StreamBuffer {

    /** The open files sent with stream bytes [start, end) (positions count every byte ever put in). */
    private record Rights(long start, long end, List<OpenFile> files) {
    }

    private final byte[] ring;
    private final InFlight inFlight;
    private int head;
    private int count;
    /** Bytes ever taken: the stream position of {@link #head}. */
    private long taken;
    private final ArrayDeque<Rights> rights = new ArrayDeque<>();
    /** Whether the last {@link #take} met files. */
    boolean tookRights;

    StreamBuffer(int capacity, InFlight inFlight) {
        this.ring = new byte[capacity];
        this.inFlight = inFlight;
    }

    int count() {
        return count;
    }

    int room() {
        return ring.length - count;
    }

    /** Whether a receive would take something now: bytes, or files sent with no bytes at the head of the stream. */
    boolean readable() {
        return count > 0 || filesAtHead();
    }

    /** Whether files sent with no bytes (a control message alone) wait at the head of the stream. */
    boolean filesAtHead() {
        Rights r = rights.peekFirst();
        return r != null && r.start() == taken && r.end() == taken;
    }

    /**
     * Appends {@code n} bytes (at most {@link #room()}), with the open files sent with them (null: none); {@code n}
     * may be 0 when there are files: they then wait at that place in the stream for a receive of their own.
     */
    void put(byte[] buf, int off, int n, List<OpenFile> files) {
        long start = taken + count;
        if (files != null) {
            rights.addLast(new Rights(start, start + n, files));
            inFlight.enter(files);
        }
        int tail = (head + count) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(buf, off, ring, tail, first);
        System.arraycopy(buf, off + first, ring, 0, n - first);
        count += n;
    }

    /**
     * Copies up to {@code len} bytes out, removing them unless {@code peek}; files met on the way go to {@code to}
     * (see {@link Sock#deliver}). Returns the bytes copied; {@link #tookRights} says whether files came, where a
     * read stops.
     */
    int take(byte[] buf, int off, int len, boolean peek, List<OpenFile> to) {
        int n = Math.min(len, count);
        Rights r = rights.peekFirst();
        // Files sent alone at the head come with no bytes; files sent alone further on end the read there.
        boolean withRights = r != null && (taken + n > r.start() || r.end() == taken);
        if (withRights) n = (int) Math.min(n, r.end() - taken);
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, buf, off, first);
        System.arraycopy(ring, 0, buf, off + first, n - first);
        tookRights = withRights;
        if (!peek) {
            head = (head + n) % ring.length;
            count -= n;
            taken += n;
        }
        if (withRights) {
            if (!peek) {
                rights.pollFirst();
                inFlight.leave(r.files());
            }
            Sock.deliver(r.files(), to, peek);
        }
        return n;
    }

    /** Adds the files of every send still queued here. */
    void rights(List<OpenFile> into) {
        for (Rights r : rights) into.addAll(r.files());
    }

    /**
     * Takes the files off the queued bytes and out of flight, into {@code hitlist}; the bytes stay, unreadable as the
     * socket is garbage, until its close discards them (and so resets its peer, as unread data does).
     */
    void purgeRights(List<OpenFile> hitlist) {
        for (Rights r : rights) {
            inFlight.leave(r.files());
            hitlist.addAll(r.files());
        }
        rights.clear();
    }

    /** The socket is gone: its unread bytes are lost and the files in flight with them released. */
    void discard() {
        List<OpenFile> gone = null;
        if (!rights.isEmpty()) {
            gone = new ArrayList<>();
            purgeRights(gone);
        }
        taken += count;
        head = 0;
        count = 0;
        // Released only now: a release may close a socket and run the collector, which must find this buffer empty.
        Sock.discard(gone);
    }
}
