package sprocket.kernel.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;

/**
 * Who sleeps on each wait channel, in the order they went to sleep. Most channels have one sleeper (a paused
 * process, a parent in wait(2)), kept as itself: a list is made only when a second one comes, so a paused process
 * costs no list of its own (48 bytes of host heap each).
 */
final class SleepQueues {
    /** A channel's sleepers when there are two or more. */
    private static final class Sleepers extends ArrayList<Kthread> {
        Sleepers(Kthread first) {
            super(4);
            add(first);
        }
    }

    /** Channel to its one sleeping {@link Kthread} or to its {@link Sleepers}. */
    private final IdentityHashMap<Object, Object> byChannel = new IdentityHashMap<>();

    void add(Object channel, Kthread t) {
        Object v = byChannel.putIfAbsent(channel, t);
        if (v == null) return;
        Sleepers list;
        if (v instanceof Sleepers s) {
            list = s;
        } else {
            list = new Sleepers((Kthread) v);
            byChannel.put(channel, list);
        }
        list.add(t);
    }

    /** Takes every sleeper off {@code channel} and hands each to {@code e}, in the order they went to sleep. */
    void wakeAll(Object channel, Engine e) {
        Object v = byChannel.remove(channel);
        if (v instanceof Sleepers list) {
            for (Kthread t : list) e.wakeOne(t, channel);
        } else if (v != null) {
            e.wakeOne((Kthread) v, channel);
        }
    }

    /** Takes {@code t} off {@code channel}'s sleepers. */
    void remove(Object channel, Kthread t) {
        Object v = byChannel.get(channel);
        if (v == t) {
            byChannel.remove(channel);
        } else if (v instanceof Sleepers list) {
            list.remove(t);
            if (list.isEmpty()) byChannel.remove(channel);
        }
    }
}
