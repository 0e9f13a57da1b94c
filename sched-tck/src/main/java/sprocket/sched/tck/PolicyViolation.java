package sprocket.sched.tck;

/**
 * Thrown from a callback of the checking decorator when the policy under test broke a rule: the kernel then treats
 * the policy as failed (it ejects it, or panics when it has nothing to fall back to), so a broken run ends at once.
 */
final class PolicyViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PolicyViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
