package sprocket.sched.tck;

/** One kit run: a generated workload of {@code kind} on {@code cpus} CPUs, from {@code seed}. */
record Scenario(Workload.Kind kind, int cpus, long seed) {

    /** How a failure message names the run, so the author can repeat exactly this one. */
    String label() {
        return "seed " + seed + ", workload " + kind.word();
    }
}
