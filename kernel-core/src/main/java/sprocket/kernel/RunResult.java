package sprocket.kernel;

/**
 * How a run ended: the program's exit status (128 + the signal if one killed it), its wait(2) status word (which
 * signal, whether it dumped core), and the run's statistics; the deadlock report when every process fell asleep for
 * good (null otherwise), and whether the run was interrupted before it ended ({@link Kernel#interrupt}), when the
 * status is that of a program killed by SIGINT and the statistics cover the run so far.
 */
public record RunResult(int exitStatus, int waitStatus, RunStats stats, DeadlockReport deadlock, boolean interrupted) {
}
