package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.kernel.Slot;

class ModulesCommandTest {

    @Test
    void modules_lists_every_slot_with_the_shipped_providers_and_the_programs() {
        Invocation r = Invocation.sprocket("modules");
        assertThat(r.status()).as(r.err()).isZero();
        for (Slot slot : Slot.values()) {
            assertThat(r.out()).contains("\n  " + slot.key() + "\n");
        }
        assertThat(r.out()).contains("r2000", "x86mps", "rr", "regions", "memfs", "sysv");
        assertThat(r.out()).contains("module sprocket.hw.r2000").contains("api 2.1");
        for (String program : new String[] {"hello", "true", "false", "echo", "sleep", "kill", "forktree", "burn"}) {
            assertThat(r.out()).containsPattern("(?m)^  " + program + " ");
        }
        assertThat(r.out()).doesNotContain("(none found)").doesNotContain("INCOMPATIBLE");
    }
}
