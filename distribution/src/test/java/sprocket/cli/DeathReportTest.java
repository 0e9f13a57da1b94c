package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Signals;
import sprocket.api.sys.Wait;

/** A program killed by a signal is reported as the System V shell reports it, with its 128 + signal status. */
class DeathReportTest {

    @Test
    void the_shell_words_for_a_death_by_signal_and_silence_for_an_exit() {
        assertThat(DeathReport.of(Wait.signaled(Signals.SIGSEGV, true))).isEqualTo("Memory fault - core dumped");
        assertThat(DeathReport.of(Wait.signaled(Signals.SIGKILL, false))).isEqualTo("Killed");
        assertThat(DeathReport.of(Wait.signaled(Signals.SIGPIPE, false))).isNull();
        assertThat(DeathReport.of(Wait.exited(3))).isNull();
    }

    @Test
    void segv_dies_of_SIGSEGV_with_a_core_and_sprocket_run_says_so_and_exits_139() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "segv");
        assertThat(r.status()).isEqualTo(128 + Signals.SIGSEGV);
        assertThat(r.err()).contains("sprocket: segv: Memory fault - core dumped");
    }
}
