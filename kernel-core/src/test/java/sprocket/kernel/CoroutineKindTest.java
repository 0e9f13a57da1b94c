package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Processes run on continuations when the JVM exports them to the kernel, on virtual threads when asked or not. */
class CoroutineKindTest {

    @Test
    void the_kernel_uses_the_coroutines_this_jvm_was_started_for() {
        boolean exported = Object.class.getModule().isExported("jdk.internal.vm", Kernel.class.getModule());
        String expected = exported && !Boolean.getBoolean("sprocket.virtualThreads") ? "continuation" : "virtual-thread";
        assertThat(Kernel.coroutineKind()).isEqualTo(expected);
    }
}
