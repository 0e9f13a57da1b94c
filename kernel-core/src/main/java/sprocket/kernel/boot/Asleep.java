package sprocket.kernel.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.kernel.engine.ThreadState;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;

/**
 * One line of a deadlock report: a live process, what it is doing (asleep or stopped, as ps(1)'s S column says) and
 * what it waits for (its wait channel, ps -l's WCHAN), named so that the same run always prints the same report.
 */
public record Asleep(int pid, String command, String state, String wchan) {

    /** Every live process in {@code table}, in pid order. */
    static List<Asleep> of(ProcTable table) {
        List<Asleep> out = new ArrayList<>();
        for (Proc p : table.all()) {
            if (p.alive()) out.add(new Asleep(p.pid, p.command, state(p.state()), wchan(p)));
        }
        return out;
    }

    /** The statistics' {@code deadlock} object: when ({@code cycles}) and, for each process then, one row. */
    static Map<String, Object> report(long cycles, List<Asleep> processes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cycles", cycles);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Asleep a : processes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pid", (long) a.pid());
            row.put("command", a.command());
            row.put("state", a.state());
            row.put("wchan", a.wchan());
            rows.add(row);
        }
        out.put("processes", rows);
        return out;
    }

    private static String state(ThreadState s) {
        return switch (s) {
            case SLEEPING -> "sleeping";
            case STOPPED -> "stopped";
            case RUNNABLE, RUNNING -> "runnable";
            case ZOMBIE -> "zombie";
        };
    }

    /** What {@code p} sleeps on: the kernel's own channels by what they are for, the others by their names. */
    private static String wchan(Proc p) {
        Object c = p.channel();
        if (c == null) return "-";
        if (c == p) return "wait"; // waitpid(2) sleeps on the waiter itself: a child's exit wakes it
        if (c == p.sig) return "pause"; // pause(2) sleeps on the process's signal state, which nothing wakes
        if (c instanceof Proc child) return "vfork (child " + child.pid + ")";
        return hasOwnName(c) ? c.toString() : c.getClass().getSimpleName();
    }

    /** Whether {@code c}'s class names its objects itself: Object's toString would print an identity hash. */
    private static boolean hasOwnName(Object c) {
        try {
            return c.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
