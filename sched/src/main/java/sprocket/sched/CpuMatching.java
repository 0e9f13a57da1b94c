package sprocket.sched;

import java.util.Arrays;

/**
 * Gives gang members distinct CPUs within their affinity masks: a maximum bipartite matching (Kuhn's
 * augmenting paths), so pinned members do not make a gang look smaller than it is. Reused, never reallocated
 * once it has grown to the largest gang.
 */
final class CpuMatching {

    private final int cpus;
    private long[] masks = new long[8];
    private int[] cpuOf = new int[8];
    private final int[] memberOf;
    private int members;
    private long visited;

    CpuMatching(int cpus) {
        this.cpus = cpus;
        this.memberOf = new int[cpus];
    }

    void clear() {
        members = 0;
    }

    /** Adds a member that may run on the CPUs in {@code affinity}. */
    void add(long affinity) {
        if (members == masks.length) {
            masks = Arrays.copyOf(masks, members * 2);
            cpuOf = Arrays.copyOf(cpuOf, members * 2);
        }
        masks[members++] = affinity;
    }

    /** Matches the members added to distinct CPUs of {@code free}; returns how many got one. */
    int solve(long free) {
        Arrays.fill(memberOf, -1);
        int matched = 0;
        for (int i = 0; i < members; i++) {
            cpuOf[i] = -1;
            visited = 0;
            if (augment(i, free)) matched++;
        }
        return matched;
    }

    /** The CPU member {@code i} (in the order added) got in the last {@link #solve}, or -1. */
    int cpuOf(int i) {
        return cpuOf[i];
    }

    private boolean augment(int i, long free) {
        long candidates = masks[i] & free & ~visited;
        while (candidates != 0) {
            int c = Long.numberOfTrailingZeros(candidates);
            candidates &= candidates - 1;
            if (c >= cpus) break;
            visited |= 1L << c;
            if (memberOf[c] < 0 || augment(memberOf[c], free)) {
                memberOf[c] = i;
                cpuOf[i] = c;
                return true;
            }
        }
        return false;
    }
}
