package sprocket.sched.tck;

/** Where two texts that should be equal first differ, as one line a failure message can carry. */
final class Diff {
    private Diff() {
    }

    static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + " was \"" + x[i].strip() + "\" then \"" + y[i].strip() + "\"";
            }
        }
        return "the first run had " + x.length + " lines, the second " + y.length;
    }
}
