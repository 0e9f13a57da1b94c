package sprocket.fuzz.prog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzzing process has made and may use again: its descriptors (with what is behind each), its mappings, the IPC
 * identifiers and children it knows, its arenas, locks and semaphores. Arguments are chosen from here most of the time,
 * so calls build on each other and reach deep states. It is the process's belief, not the kernel's truth: a descriptor
 * closed by a share-group member or a segment removed by another process stays here, which is a hostile argument too.
 * Every collection keeps a fixed order, so choices repeat exactly.
 */
final class Resources {

    /** What a descriptor was opened as. */
    enum Kind { FILE, DIR, DEVICE, PIPE_READ, PIPE_WRITE, FIFO, STREAM, DGRAM, LISTENER, INHERITED }

    final TreeMap<Integer, Kind> fds = new TreeMap<>();
    /** Mappings as {address, length}: mmap, shmat, sbrk. */
    final List<long[]> maps = new ArrayList<>();
    final List<Integer> sems = new ArrayList<>();
    final List<Integer> shms = new ArrayList<>();
    final List<Integer> msgs = new ArrayList<>();
    final List<Integer> children = new ArrayList<>();
    /** IRIX arenas (usinit), locks (usnewlock) and semaphores (usnewsema): addresses in the arena's mapping. */
    final List<Long> arenas = new ArrayList<>();
    final List<Long> locks = new ArrayList<>();
    final List<Long> semas = new ArrayList<>();
    /** AF_INET ports bound so far, for connect and sendto to find. */
    final List<Integer> ports = new ArrayList<>();

    /** A fresh process's: the console on 0, 1 and 2. */
    static Resources initial() {
        Resources r = new Resources();
        for (int fd = 0; fd < 3; fd++) r.fds.put(fd, Kind.DEVICE);
        return r;
    }

    /** A fork child's: a copy of everything, children excepted (they are its parent's). */
    Resources copy() {
        Resources r = new Resources();
        r.fds.putAll(fds);
        for (long[] m : maps) r.maps.add(m.clone());
        r.sems.addAll(sems);
        r.shms.addAll(shms);
        r.msgs.addAll(msgs);
        r.arenas.addAll(arenas);
        r.locks.addAll(locks);
        r.semas.addAll(semas);
        r.ports.addAll(ports);
        return r;
    }

    /** What survives exec(2): descriptors (as far as the process knows) and IPC identifiers; no memory. */
    Resources afterExec() {
        Resources r = new Resources();
        r.fds.putAll(fds);
        r.sems.addAll(sems);
        r.shms.addAll(shms);
        r.msgs.addAll(msgs);
        r.ports.addAll(ports);
        return r;
    }

    void fd(int fd, Kind kind) {
        if (fd >= 0) fds.put(fd, kind);
    }

    /** The descriptors of one of {@code kinds}, in order. */
    List<Integer> fds(Kind... kinds) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, Kind> e : fds.entrySet()) {
            for (Kind k : kinds) {
                if (e.getValue() == k) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        return out;
    }

    void map(long addr, long len) {
        if (len > 0) maps.add(new long[] {addr, len});
    }

    /** Forgets mappings inside {@code [addr, addr + len)}: munmap, shmdt. */
    void unmap(long addr, long len) {
        maps.removeIf(m -> m[0] >= addr && m[0] + m[1] <= addr + len);
    }

    /**
     * Encodes what survives exec(2) for the new image's argv: "fd:kind,..." then "s|m|q:id,...". Only decimal digits,
     * letters, ':' and ',' so that it passes through exec untouched.
     */
    String encode() {
        StringBuilder b = new StringBuilder();
        fds.forEach((fd, k) -> b.append(fd).append(':').append(k.ordinal()).append(','));
        for (int id : sems) b.append("s:").append(id).append(',');
        for (int id : shms) b.append("m:").append(id).append(',');
        for (int id : msgs) b.append("q:").append(id).append(',');
        for (int port : ports) b.append("p:").append(port).append(',');
        return b.toString();
    }

    /** What {@link #encode} wrote; unreadable parts are skipped. */
    static Resources decode(String s) {
        Resources r = new Resources();
        for (String item : s.split(",")) {
            int colon = item.indexOf(':');
            if (colon <= 0) continue;
            String head = item.substring(0, colon);
            int value;
            try {
                value = Integer.parseInt(item.substring(colon + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (head) {
                case "s" -> r.sems.add(value);
                case "m" -> r.shms.add(value);
                case "q" -> r.msgs.add(value);
                case "p" -> r.ports.add(value);
                default -> {
                    try {
                        Kind[] kinds = Kind.values();
                        r.fds.put(Integer.parseInt(head), value >= 0 && value < kinds.length ? kinds[value] : Kind.INHERITED);
                    } catch (NumberFormatException e) {
                        // skipped
                    }
                }
            }
        }
        return r;
    }
}
