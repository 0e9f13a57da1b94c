package sprocket.sched.tck;

/** The first rule a run's policy broke, kept for the test's failure message; later ones are consequences. */
final class Violations {
    private String first;
    private Throwable cause;

    void record(String message, Throwable why) {
        if (first != null) return;
        first = message;
        cause = why;
    }

    /** The first violation's message, or null when the policy kept every rule. */
    String first() {
        return first;
    }

    /** The exception the policy threw, when that was the violation. */
    Throwable cause() {
        return cause;
    }
}
