package sprocket.sched;

/** One share group as the gang policy sees it: its waiting members and how many run, and the CPUs it owns. */
final class Gang {

    /** The share group id: the creator's pid. */
    final int id;
    /** Members waiting to run, oldest first. */
    final RunQueue waiting = new RunQueue();
    /** Members running now. */
    int running;
    /** CPUs it owns in the current slice. */
    int owned;

    Gang(int id) {
        this.id = id;
    }

    /** Members that could run now: waiting or running. */
    int runnable() {
        return waiting.size() + running;
    }
}
