package sprocket.cli.compare;

import java.util.List;
import java.util.Map;

/**
 * One column of the table: the runs of one combination, one per seed. Its figures are the means over the runs that
 * succeeded; a column with a failed run says so and shows no figures.
 *
 * @param index the column's place, from 0
 * @param runs its runs, one per seed
 */
public record Column(int index, List<Outcome> runs) {

    /** The combination: the first run's variant (the others differ only in their seed). */
    public Variant variant() {
        return runs.getFirst().variant();
    }

    /** Whether every run succeeded, so that the figures stand for the combination. */
    public boolean ok() {
        return runs.stream().allMatch(Outcome::ok);
    }

    /** {@code ok}, or what went wrong: the first failure, and how many runs failed when there are several seeds. */
    public String outcome() {
        List<Outcome> failed = runs.stream().filter(o -> !o.ok()).toList();
        if (failed.isEmpty()) return "ok";
        String first = failed.getFirst().brief();
        return runs.size() == 1 ? first : failed.size() + " of " + runs.size() + " failed: " + first;
    }

    /** The mean of {@code f} over the runs, NaN when a run failed. */
    public double mean(Figure f) {
        if (!ok()) return Double.NaN;
        double sum = 0;
        for (Outcome o : runs) sum += f.of(o.stats());
        return sum / runs.size();
    }

    /** Half the range of {@code f} over the seeds as a fraction of the mean: 0 with one seed, NaN when a run failed. */
    public double spread(Figure f) {
        if (!ok()) return Double.NaN;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Outcome o : runs) {
            double v = f.of(o.stats());
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = mean(f);
        return mean == 0 ? 0 : (max - min) / 2 / mean;
    }

    /** Each CPU's busy share of the simulated time, averaged over the runs; empty when a run failed. */
    public double[] busyShares() {
        if (!ok()) return new double[0];
        double[] out = null;
        for (Outcome o : runs) {
            long[] busy = o.stats().cpuBusyCycles();
            long total = o.stats().simulatedCycles();
            if (out == null) out = new double[busy.length];
            for (int c = 0; c < busy.length && c < out.length; c++) {
                out[c] += total == 0 ? 0 : (double) busy[c] / total / runs.size();
            }
        }
        return out;
    }

    /** The varied values of this column. */
    public Map<String, String> varied() {
        return variant().varied();
    }
}
