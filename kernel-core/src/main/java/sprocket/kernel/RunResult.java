package sprocket.kernel;

/**
 * How a run ended: the program's exit status (128 + the signal if one killed it), its wait(2) status word (which
 * signal, whether it dumped core), and the run's statistics.
 */
public record RunResult(int exitStatus, int waitStatus, RunStats stats) {
}
