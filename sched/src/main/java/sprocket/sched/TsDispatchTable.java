package sprocket.sched;

/**
 * The time-sharing dispatcher parameter table, ts_dptbl(4), and the real-time class's default quanta from
 * rt_dptbl(4). The values are the SVR4 defaults as {@code dispadmin -c TS -g} prints them (RES=1000, so
 * milliseconds), here in clock ticks at SVR4's HZ of 100: one row per time-sharing priority level 0..59.
 */
final class TsDispatchTable {

    /** Time-sharing priority levels, 0 (least urgent) to 59. */
    static final int LEVELS = 60;
    /** The level a process enters the class at: tsmedumdpri, the middle of the user-mode range. */
    static final int MEDIUM = (LEVELS - 1) / 2;

    private static final int QUANTUM = 0;
    private static final int TQEXP = 1;
    private static final int SLPRET = 2;
    private static final int MAXWAIT = 3;
    private static final int LWAIT = 4;

    // ts_quantum (ticks), ts_tqexp, ts_slpret, ts_maxwait (update passes), ts_lwait      PRIORITY LEVEL
    private static final int[][] TS_DPTBL = {
        {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, // 0-4
        {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, {20, 0, 50, 0, 50}, // 5-9
        {16, 0, 51, 0, 51}, {16, 1, 51, 0, 51}, {16, 2, 51, 0, 51}, {16, 3, 51, 0, 51}, {16, 4, 51, 0, 51}, // 10-14
        {16, 5, 51, 0, 51}, {16, 6, 51, 0, 51}, {16, 7, 51, 0, 51}, {16, 8, 51, 0, 51}, {16, 9, 51, 0, 51}, // 15-19
        {12, 10, 52, 0, 52}, {12, 11, 52, 0, 52}, {12, 12, 52, 0, 52}, {12, 13, 52, 0, 52}, {12, 14, 52, 0, 52},
        {12, 15, 52, 0, 52}, {12, 16, 52, 0, 52}, {12, 17, 52, 0, 52}, {12, 18, 52, 0, 52}, {12, 19, 52, 0, 52},
        {8, 20, 53, 0, 53}, {8, 21, 53, 0, 53}, {8, 22, 53, 0, 53}, {8, 23, 53, 0, 53}, {8, 24, 53, 0, 53}, // 30-34
        {8, 25, 53, 0, 53}, {8, 26, 53, 0, 53}, {8, 27, 53, 0, 53}, {8, 28, 53, 0, 53}, {8, 29, 53, 0, 53}, // 35-39
        {4, 30, 55, 0, 55}, {4, 31, 55, 0, 55}, {4, 32, 55, 0, 55}, {4, 33, 55, 0, 55}, {4, 34, 55, 0, 55}, // 40-44
        {4, 35, 55, 0, 55}, {4, 36, 55, 0, 55}, {4, 37, 55, 0, 55}, {4, 38, 55, 0, 55}, {4, 39, 55, 0, 55}, // 45-49
        {4, 40, 58, 0, 59}, {4, 41, 58, 0, 59}, {4, 42, 58, 0, 59}, {4, 43, 58, 0, 59}, {4, 44, 58, 0, 59}, // 50-54
        {4, 45, 58, 0, 59}, {4, 46, 58, 0, 59}, {4, 47, 58, 0, 59}, {4, 48, 58, 0, 59},                     // 55-58
        {2, 49, 59, 32000, 59},                                                                              // 59
    };

    /** rt_dptbl's default rt_quantum by decade of RT priority (1000 ms at 0-9 down to 100 ms at 50-59). */
    private static final int[] RT_QUANTUM = {100, 80, 60, 40, 20, 10};

    private TsDispatchTable() {
    }

    /** ts_quantum: the ticks a process at {@code level} runs before its quantum expires. */
    static int quantum(int level) {
        return TS_DPTBL[level][QUANTUM];
    }

    /** ts_tqexp: the new level of a process that used up its whole quantum at {@code level}. */
    static int tqexp(int level) {
        return TS_DPTBL[level][TQEXP];
    }

    /** ts_slpret: the new level of a process returning to user mode after a sleep at {@code level}. */
    static int slpret(int level) {
        return TS_DPTBL[level][SLPRET];
    }

    /** ts_maxwait: the update passes a process may wait at {@code level} before ts_lwait applies. */
    static int maxwait(int level) {
        return TS_DPTBL[level][MAXWAIT];
    }

    /** ts_lwait: the new level of a process that waited longer than ts_maxwait at {@code level}. */
    static int lwait(int level) {
        return TS_DPTBL[level][LWAIT];
    }

    /** rt_dptbl's default quantum, in ticks, for real-time priority {@code rtpri} (0..59). */
    static int rtQuantum(int rtpri) {
        return RT_QUANTUM[rtpri / 10];
    }
}
