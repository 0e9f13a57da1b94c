package sprocket.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An entry takes the caller's objects in the frame when any of its argument tokens is a string, bytes, a buffer, a
 * vector, an object or an entry point (s, w, r, v, p, e), wherever the token stands, or when its result is an object.
 */
class SysentObjectsTest {

    @Test
    void an_object_token_anywhere_in_the_arguments_or_an_object_result_marks_the_entry() {
        assertThat(SyscallTable.EXECVE.objects()).as("s0, v1, v2").isTrue();
        assertThat(SyscallTable.WAITPID.objects()).as("d0, p0, x1: the second token").isTrue();
        assertThat(SyscallTable.READ.objects()).as("d0, r0, d2").isTrue();
        assertThat(SyscallTable.WRITE.objects()).as("d0, w0, d2").isTrue();
        assertThat(SyscallTable.SEMCTL_ALL.objects()).as("d0, d1, p0: the last token").isTrue();
    }

    @Test
    void numbers_alone_or_no_arguments_do_not() {
        assertThat(SyscallTable.GETPID.objects()).as("no arguments").isFalse();
        assertThat(SyscallTable.SETUID.objects()).as("d0").isFalse();
        assertThat(SyscallTable.SETBLOCKPROCCNTALL.objects()).as("d0, d1").isFalse();
    }
}
