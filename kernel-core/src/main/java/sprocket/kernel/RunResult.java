package sprocket.kernel;

/** How a run ended: the program's exit status (128 + the signal if one killed it) and the run's statistics. */
public record RunResult(int exitStatus, RunStats stats) {
}
