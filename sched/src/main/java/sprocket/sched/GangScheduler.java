package sprocket.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;

/**
 * Gang scheduling of share groups (Barton and Wagner, section 8: "at least two of the processes in the share
 * group must run in parallel, or the group should not be allowed to execute at all").
 *
 * <p>The rule. Time is cut into slices of {@code slice} ticks of CPU 0's clock. At each boundary every CPU is
 * given back and gangs are admitted one by one in share-group id order, starting after the gang that led the
 * previous slice, so the lead rotates. A gang's members that could run (waiting or running) are matched to
 * distinct free CPUs within their affinity, running members keeping their own; the gang is admitted, and owns
 * those CPUs for the slice, only if it gets at least need = min({@code min}, the most CPUs its members could
 * occupy at once on an empty machine), else it gets none. After the last gang the lead passes to the
 * processes in no share group when any wait: that slice the oldest of them reserves its lowest allowed CPU
 * before gangs are admitted, so gangs filling the machine cannot starve them. CPUs no gang owns, and owned CPUs
 * whose gang has nobody waiting for them, time-share those processes round robin, {@code slice} ticks each.
 * At a boundary every CPU whose task is no longer entitled is asked to reschedule at once, so a gang's members
 * start in the same tick or not at all; members beyond their gang's CPUs take turns at boundaries. Between
 * boundaries a gang owning nothing may be admitted by the same rule into CPUs idling with nothing to run, and
 * a running gang may grow into them.
 */
final class GangScheduler implements Scheduler {

    private final SchedulerContext context;
    private final int cpus;
    private final int slice;
    private final int minCpus;
    private final long allCpus;
    /** Gangs in share-group id order, for admission; {@link #byId} finds one without boxing on hot paths. */
    private final TreeMap<Integer, Gang> gangs = new TreeMap<>();
    private Gang[] byId = new Gang[64];
    private final RunQueue timeSharing = new RunQueue();
    private final Gang[] owner;
    private final int[] ticksUsed;
    private final Resched resched;
    private final TaskTable<GangMember> members = new TaskTable<>(GangMember::new);
    private final CpuMatching matching;
    private final ArrayList<Task> scratch = new ArrayList<>();
    private long clock;
    /** The gang that led the last slice, or 0 when the time-sharing processes did. */
    private int lastLead;
    private final Counter slices;
    private final Counter admissions;
    private final Counter expiries;

    GangScheduler(SchedulerContext context, int slice, int minCpus) {
        this.context = context;
        this.cpus = context.cpus();
        this.slice = slice;
        this.minCpus = minCpus;
        this.allCpus = cpus == 64 ? -1L : (1L << cpus) - 1;
        this.owner = new Gang[cpus];
        this.ticksUsed = new int[cpus];
        this.resched = new Resched(context);
        this.matching = new CpuMatching(cpus);
        this.slices = context.counter("sched.gang_slices");
        this.admissions = context.counter("sched.gang_admissions");
        this.expiries = context.counter("sched.slice_expiries");
    }

    @Override
    public void taskCreated(Task task) {
        members.create(task);
    }

    @Override
    public void taskExited(Task task) {
        dequeue(task);
        GangMember m = members.get(task);
        if (m.runningIn > 0) {
            Gang g = find(m.runningIn);
            if (g != null) g.running--;
        }
        members.remove(task);
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        Gang g = task.shareGroup() != 0 ? find(task.shareGroup()) : null;
        int firstAllowed = -1;
        int firstIdle = -1;
        for (int c = 0; c < cpus; c++) {
            if (!task.allowedOn(c)) continue;
            if (firstAllowed < 0) firstAllowed = c;
            boolean idle = context.current(c) == null;
            if (g != null && owner[c] == g && idle) return c;
            if (idle && firstIdle < 0) firstIdle = c;
        }
        if (firstAllowed < 0) {
            throw new IllegalStateException("pid " + task.pid() + " may run on no CPU: affinity 0x"
                    + Long.toHexString(task.affinity()) + ", " + cpus + " CPUs");
        }
        if (prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu)) return prevCpu;
        return firstIdle >= 0 ? firstIdle : firstAllowed;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        GangMember m = members.get(task);
        if (m.filedUnder >= 0) unfile(m);
        int picking = (flags & (ENQ_PREEMPTED | ENQ_YIELD)) != 0 ? cpu : -1;
        int gid = task.shareGroup();
        if (gid == 0) {
            timeSharing.addLast(task);
            m.filedUnder = 0;
            offerToTimeSharing(task, cpu, picking);
            return;
        }
        Gang g = gang(gid);
        g.waiting.addLast(task);
        m.filedUnder = gid;
        readmit(g, picking);
    }

    @Override
    public void dequeue(Task task) {
        GangMember m = members.get(task);
        if (m.filedUnder >= 0) unfile(m);
    }

    @Override
    public Task pickNext(int cpu) {
        resched.picked(cpu);
        Gang g = owner[cpu];
        Task t = g != null ? g.waiting.takeFirstAllowed(cpu) : null;
        if (t == null) t = timeSharing.takeFirstAllowed(cpu);
        if (t != null) members.get(t).filedUnder = -1;
        return t;
    }

    @Override
    public void running(Task task, int cpu) {
        ticksUsed[cpu] = 0;
        GangMember m = members.get(task);
        int gid = task.shareGroup();
        Gang g = gid != 0 ? gang(gid) : null;
        if (g != null) g.running++;
        m.runningIn = gid;
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        ticksUsed[cpu] = 0;
        GangMember m = members.get(task);
        if (m.runningIn > 0) {
            Gang g = find(m.runningIn);
            if (g != null) g.running--;
        }
        m.runningIn = -1;
    }

    @Override
    public boolean tick(int cpu, Task current) {
        boolean mustStop = false;
        if (cpu == 0 && ++clock % slice == 0) mustStop = rotate(current != null ? 0 : -1);
        Gang g = owner[cpu];
        if (current == null) {
            resched.picked(cpu);
            if ((g != null && g.waiting.hasAllowed(cpu)) || timeSharing.hasAllowed(cpu)) {
                resched.kickIfIdle(cpu);
            } else {
                admitIntoIdle();
            }
            return false;
        }
        if (mustStop) return true;
        int in = members.get(current).runningIn;
        if (in > 0) return g == null || g.id != in;
        // A time-sharing process: its gang-owning CPU's members come first, then round robin.
        if (g != null && g.waiting.hasAllowed(cpu)) return true;
        if (++ticksUsed[cpu] < slice) return false;
        if (!timeSharing.hasAllowed(cpu)) return false;
        expiries.increment();
        return true;
    }

    @Override
    public void shareGroupChanged(int groupId) {
        // A running task that joined or left a group (its creator forming it by sproc(2), a member exiting or
        // exec'ing) now runs for its new group: the gangs' running counts and admission must see it so.
        for (int c = 0; c < cpus; c++) {
            Task cur = context.current(c);
            if (cur == null) continue;
            GangMember m = members.get(cur);
            int gid = cur.shareGroup();
            if (m.runningIn < 0 || m.runningIn == gid) continue;
            Gang old = find(m.runningIn);
            if (old != null) old.running--;
            if (gid != 0) gang(gid).running++;
            m.runningIn = gid;
        }
        // Re-file every waiting task whose share group is not the one it waits under (rare: a list is fine).
        var queued = new ArrayList<Task>();
        timeSharing.copyTo(queued);
        for (Gang g : gangs.values()) g.waiting.copyTo(queued);
        for (Task t : queued) {
            if (members.get(t).filedUnder != t.shareGroup()) {
                dequeue(t);
                enqueue(t, selectCpu(t, t.lastCpu()), 0);
            }
        }
    }

    /** The gang owning {@code cpu} this slice, or 0 (for tests). */
    int ownerOf(int cpu) {
        return owner[cpu] == null ? 0 : owner[cpu].id;
    }

    /**
     * A slice boundary: gives every CPU back, admits gangs by the rule, and asks every CPU whose task is no
     * longer entitled to reschedule; returns whether CPU {@code self}'s own task must stop.
     */
    private boolean rotate(int self) {
        slices.increment();
        for (var it = gangs.values().iterator(); it.hasNext(); ) {
            Gang g = it.next();
            if (g.runnable() != 0) continue;
            it.remove();
            byId[g.id] = null;
        }
        Arrays.fill(owner, null);
        for (Gang g : gangs.values()) g.owned = 0;
        long free = allCpus;
        Integer lead = gangs.higherKey(lastLead);
        if (lead == null && lastLead != 0 && !timeSharing.isEmpty()) {
            lastLead = 0;
            free &= ~reserveForTimeSharing();
            lead = gangs.isEmpty() ? null : gangs.firstKey();
        } else {
            if (lead == null && !gangs.isEmpty()) lead = gangs.firstKey();
            if (lead != null) lastLead = lead;
        }
        if (lead != null) {
            // Admission order: the lead, then the others in id order, wrapping round.
            for (Map.Entry<Integer, Gang> e : gangs.tailMap(lead, true).entrySet()) free &= ~admit(e.getValue(), free);
            for (Map.Entry<Integer, Gang> e : gangs.headMap(lead, false).entrySet()) free &= ~admit(e.getValue(), free);
        }
        return enforce(self);
    }

    /** The lowest CPU the oldest waiting time-sharing process may run on, as a mask (0 if none). */
    private long reserveForTimeSharing() {
        scratch.clear();
        timeSharing.copyTo(scratch);
        for (int i = 0; i < scratch.size(); i++) {
            long open = scratch.get(i).affinity() & allCpus;
            if (open != 0) return Long.lowestOneBit(open);
        }
        return 0;
    }

    /** Admits {@code g} into CPUs of {@code free} if it gets at least its need; returns the CPUs it got. */
    private long admit(Gang g, long free) {
        if (g.runnable() == 0 || free == 0) return 0;
        int need = need(g);
        // Running members keep their CPUs; everyone else competes for the rest.
        long kept = 0;
        scratch.clear();
        for (int c = 0; c < cpus; c++) {
            Task cur = context.current(c);
            if (cur == null || members.get(cur).runningIn != g.id) continue;
            if ((free & (1L << c)) != 0) {
                kept |= 1L << c;
            } else {
                scratch.add(cur);
            }
        }
        g.waiting.copyTo(scratch);
        matching.clear();
        for (int i = 0; i < scratch.size(); i++) matching.add(scratch.get(i).affinity() & allCpus);
        int got = Long.bitCount(kept) + matching.solve(free & ~kept);
        if (got == 0 || got < need) return 0;
        long mask = kept;
        for (int i = 0; i < scratch.size(); i++) {
            if (matching.cpuOf(i) >= 0) mask |= 1L << matching.cpuOf(i);
        }
        for (long m = mask; m != 0; m &= m - 1) owner[Long.numberOfTrailingZeros(m)] = g;
        g.owned = Long.bitCount(mask);
        admissions.increment();
        return mask;
    }

    /** min(min CPUs, the most CPUs its waiting and running members could occupy at once on an empty machine). */
    private int need(Gang g) {
        matching.clear();
        for (int c = 0; c < cpus; c++) {
            Task cur = context.current(c);
            if (cur != null && members.get(cur).runningIn == g.id) matching.add(cur.affinity() & allCpus);
        }
        scratch.clear();
        g.waiting.copyTo(scratch);
        for (int i = 0; i < scratch.size(); i++) matching.add(scratch.get(i).affinity() & allCpus);
        return Math.min(minCpus, matching.solve(allCpus));
    }

    /** Asks every CPU whose task is not entitled under the new owners to reschedule; see {@link #rotate}. */
    private boolean enforce(int self) {
        boolean selfMustStop = false;
        for (int c = 0; c < cpus; c++) {
            Task cur = context.current(c);
            Gang g = owner[c];
            boolean go;
            if (cur == null) {
                if ((g != null && g.waiting.hasAllowed(c)) || timeSharing.hasAllowed(c)) resched.kickIfIdle(c);
                continue;
            }
            int in = members.get(cur).runningIn;
            if (in > 0) {
                // Not its gang's CPU; or its gang has more members than CPUs and they take turns.
                go = g == null || g.id != in || (g.waiting.hasAllowed(c) && g.waiting.size() > unusedBy(g));
            } else {
                go = g != null && g.waiting.hasAllowed(c);
            }
            if (!go) continue;
            if (c == self) {
                selfMustStop = true;
            } else {
                resched.ask(c);
            }
        }
        return selfMustStop;
    }

    /** CPUs {@code g} owns that are not running one of its members. */
    private int unusedBy(Gang g) {
        int n = 0;
        for (int c = 0; c < cpus; c++) {
            if (owner[c] != g) continue;
            Task cur = context.current(c);
            if (cur == null || members.get(cur).runningIn != g.id) n++;
        }
        return n;
    }

    /**
     * Between boundaries, lets gangs with members waiting into CPUs that idle with nothing to run: one that owns
     * nothing is admitted by the rule, a running one grows.
     */
    private void admitIntoIdle() {
        for (Gang g : gangs.values()) {
            if (!g.waiting.isEmpty()) readmit(g, -1);
        }
    }

    /**
     * Between boundaries, {@code g} (whose runnable members just changed) is admitted again by the rule into the
     * CPUs it owns plus those idling with nothing to run; CPUs it gets and does not use for a member are asked
     * to pick one, and if it no longer gets its need its members stop until a boundary admits it.
     * {@code picking} is a CPU about to pick anyway.
     */
    private void readmit(Gang g, int picking) {
        boolean ownedNothing = g.owned == 0;
        long free = 0;
        for (int c = 0; c < cpus; c++) {
            if (owner[c] == g) {
                owner[c] = null;
                free |= 1L << c;
            } else if (owner[c] == null && context.current(c) == null && !timeSharing.hasAllowed(c)) {
                // Idle with nothing it could run, whether or not it was once asked to pick (what it was offered
                // may have gone to another CPU before it had its turn).
                free |= 1L << c;
            } else if (owner[c] == null && context.current(c) != null
                    && members.get(context.current(c)).runningIn == g.id) {
                // A member running on a CPU nobody owns (its creator, which formed the group there) keeps it.
                free |= 1L << c;
            }
        }
        g.owned = 0;
        long got = admit(g, free);
        // Admitted on its own, it has had its lead: the next boundary passes the lead on.
        if (got != 0 && ownedNothing) lastLead = g.id;
        for (int c = 0; c < cpus; c++) {
            if (c == picking) continue;
            Task cur = context.current(c);
            boolean member = cur != null && members.get(cur).runningIn == g.id;
            if (owner[c] == g ? !member && g.waiting.hasAllowed(c) : member) resched.ask(c);
        }
    }

    /** A time-sharing process was queued: an idle CPU that would pick it is asked to. */
    private void offerToTimeSharing(Task task, int cpu, int picking) {
        if (cpu != picking && task.allowedOn(cpu) && idleForTimeSharing(cpu) && resched.kickIfIdle(cpu)) return;
        for (int c = 0; c < cpus; c++) {
            if (c != picking && task.allowedOn(c) && idleForTimeSharing(c) && resched.kickIfIdle(c)) return;
        }
    }

    /** Idle, and not holding a CPU for a gang member who waits for it. */
    private boolean idleForTimeSharing(int cpu) {
        return context.current(cpu) == null && (owner[cpu] == null || !owner[cpu].waiting.hasAllowed(cpu));
    }

    /** The gang of share group {@code id}, made on first sight. */
    private Gang gang(int id) {
        Gang g = find(id);
        if (g != null) return g;
        if (id >= byId.length) byId = Arrays.copyOf(byId, Math.max(byId.length * 2, id + 1));
        g = new Gang(id);
        byId[id] = g;
        gangs.put(id, g);
        return g;
    }

    private Gang find(int id) {
        return id > 0 && id < byId.length ? byId[id] : null;
    }

    private void unfile(GangMember m) {
        if (m.filedUnder == 0) {
            timeSharing.remove(m.task);
        } else {
            Gang g = find(m.filedUnder);
            if (g != null) g.waiting.remove(m.task);
        }
        m.filedUnder = -1;
    }
}
