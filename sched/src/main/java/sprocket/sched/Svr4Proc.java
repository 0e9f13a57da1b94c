package sprocket.sched;

import sprocket.api.sched.Task;

/**
 * A process's class-specific data in the SVR4 policy: tsproc for the time-sharing class, rtproc for the
 * real-time class. Global priorities put every RT priority above every TS one: TS 0..59, RT 60..119.
 */
final class Svr4Proc extends TaskTable.Entry {

    /** SVR4's default ts_maxupri: user priorities (ts_upri) run -20..20. */
    static final int TS_MAXUPRI = 20;
    /** nice(2)'s NZERO: nice values are -NZERO..NZERO-1. */
    static final int NZERO = 20;
    /** Real-time priorities are 0..RT_LEVELS-1. */
    static final int RT_LEVELS = 60;
    /** Global priority of real-time priority 0. */
    static final int RT_BASE = TsDispatchTable.LEVELS;
    /** Global priority levels of both classes together. */
    static final int GLOBAL_LEVELS = RT_BASE + RT_LEVELS;

    boolean realTime;
    /** ts_cpupri: the table-driven part of the TS priority, moved by ts_tqexp, ts_slpret and ts_lwait. */
    int cpupri = TsDispatchTable.MEDIUM;
    /** ts_upri: the user's part, -TS_MAXUPRI..TS_MAXUPRI; nice sets it. */
    int upri;
    /** ts_umdpri: the TS level it is dispatched at, cpupri + upri kept within 0..59. */
    int umdpri;
    /** rt_pri: the fixed real-time priority. */
    int rtpri;
    /** Ticks of the current quantum left (ts_timeleft / rt_timeleft). */
    int timeleft;
    /** ts_dispwait: update passes spent waiting on the dispatch queue since it last ran. */
    int dispwait;
    /** The global priority it is queued at, or -1 when it is not queued. */
    int queuedAt = -1;
    /** The CPU it runs on, or -1. */
    int cpu = -1;
    /** Its quantum ran out at the last tick: it goes to the back of its queue, not the front. */
    boolean expired;

    Svr4Proc(Task task) {
        super(task);
        upri = upriOfNice(task.nice());
        newUmdpri();
        timeleft = TsDispatchTable.quantum(umdpri);
    }

    /** ts_donice: nice n gives user priority -(n * ts_maxupri) / NZERO, so nice 0 is 0 and nice 19 is -19. */
    static int upriOfNice(int nice) {
        int upri = -(nice * TS_MAXUPRI) / NZERO;
        return Math.max(-TS_MAXUPRI, Math.min(TS_MAXUPRI, upri));
    }

    /** The global priority: larger runs first. */
    int globalPri() {
        return realTime ? RT_BASE + rtpri : umdpri;
    }

    /** A fresh quantum for the level it now has. */
    void newQuantum(int rtQuantumOverride) {
        if (realTime) {
            timeleft = rtQuantumOverride > 0 ? rtQuantumOverride : TsDispatchTable.rtQuantum(rtpri);
        } else {
            timeleft = TsDispatchTable.quantum(umdpri);
        }
    }

    /** ts_tick: the whole quantum was used, so the process drops to ts_tqexp. */
    void quantumExpired() {
        if (realTime) return;
        cpupri = TsDispatchTable.tqexp(cpupri);
        newUmdpri();
        dispwait = 0;
    }

    /** ts_sleep: a process that sleeps comes back at ts_slpret, with a fresh quantum. */
    void sleepReturn() {
        if (realTime) return;
        cpupri = TsDispatchTable.slpret(cpupri);
        newUmdpri();
        dispwait = 0;
        timeleft = TsDispatchTable.quantum(umdpri);
    }

    /** ts_update: one more pass spent waiting; true when it waited past ts_maxwait and rose to ts_lwait. */
    boolean agedPastMaxwait() {
        if (realTime) return false;
        if (++dispwait <= TsDispatchTable.maxwait(umdpri)) return false;
        cpupri = TsDispatchTable.lwait(cpupri);
        newUmdpri();
        dispwait = 0;
        timeleft = TsDispatchTable.quantum(umdpri);
        return true;
    }

    /** Enters the time-sharing class at user priority {@code newUpri} (ts_enterclass/ts_parmsset). */
    void enterTs(int newUpri) {
        if (realTime) cpupri = TsDispatchTable.MEDIUM;
        realTime = false;
        upri = newUpri;
        newUmdpri();
        dispwait = 0;
    }

    /** Enters the real-time class at {@code newRtpri}. */
    void enterRt(int newRtpri) {
        realTime = true;
        rtpri = newRtpri;
    }

    void newUmdpri() {
        umdpri = Math.max(0, Math.min(TsDispatchTable.LEVELS - 1, cpupri + upri));
    }
}
