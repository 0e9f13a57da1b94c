package sprocket.kernel.proc;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A process's children, in the order they became its children (forked, or handed to init as orphans): a list
 * threaded through the children's own sibling links, as SVR4's p_child and p_sibling are, so that reaping one of a
 * million children is O(1) and an empty list costs no array.
 */
public final class Children implements Iterable<Proc> {
    private Proc first;
    private Proc last;
    private int size;

    /** Appends {@code c}, which is nobody's child now. */
    public void add(Proc c) {
        if (c.siblingPrev != null || c.siblingNext != null || first == c) {
            throw new IllegalStateException("pid " + c.pid + " is already somebody's child");
        }
        c.siblingPrev = last;
        if (last == null) first = c;
        else last.siblingNext = c;
        last = c;
        size++;
    }

    /** Takes {@code c}, one of these children, out of the list. */
    public void remove(Proc c) {
        if (c.siblingPrev == null) first = c.siblingNext;
        else c.siblingPrev.siblingNext = c.siblingNext;
        if (c.siblingNext == null) last = c.siblingPrev;
        else c.siblingNext.siblingPrev = c.siblingPrev;
        c.siblingPrev = null;
        c.siblingNext = null;
        size--;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** The children, in order, as an array: for a walk that moves them elsewhere. */
    public Proc[] toArray() {
        Proc[] out = new Proc[size];
        int i = 0;
        for (Proc c = first; c != null; c = c.siblingNext) out[i++] = c;
        return out;
    }

    /** Forgets every child. */
    public void clear() {
        Proc c = first;
        while (c != null) {
            Proc next = c.siblingNext;
            c.siblingPrev = null;
            c.siblingNext = null;
            c = next;
        }
        first = null;
        last = null;
        size = 0;
    }

    /** In order; the child just returned may be removed while walking. */
    @Override
    public Iterator<Proc> iterator() {
        return new Iterator<>() {
            private Proc next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Proc next() {
                Proc c = next;
                if (c == null) throw new NoSuchElementException();
                next = c.siblingNext;
                return c;
            }
        };
    }
}
