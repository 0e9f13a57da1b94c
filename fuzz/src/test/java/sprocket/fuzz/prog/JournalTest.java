package sprocket.fuzz.prog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An exception out of a call is the kernel's (or the C library's) unless it was thrown in the fuzzer's own code. */
class JournalTest {

    private static RuntimeException thrownIn(String module, String className) {
        RuntimeException e = new ArithmeticException("/ by zero");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(null, "java.base", null, "java.lang.Math", "floorDiv", "Math.java", 1),
            new StackTraceElement(null, module, null, className, "work", "X.java", 2),
            new StackTraceElement(null, "sprocket.fuzz", null, "sprocket.fuzz.prog.Executor", "run", "E.java", 3)});
        return e;
    }

    @Test
    void an_exception_from_the_kernel_or_the_c_library_escaped_into_the_program() {
        Journal j = new Journal();
        j.threw(Op.SEMOP, "1.2", thrownIn("sprocket.kernel", "sprocket.kernel.syscall.IpcCalls"));
        j.threw(Op.USSEMA, "1.3", thrownIn("sprocket.libc", "sprocket.libc.Usema"));
        assertThat(j.escapes()).extracting(Journal.Escape::module).containsExactly("sprocket.kernel", "sprocket.libc");
        assertThat(j.fuzzerBugs()).isEmpty();
    }

    @Test
    void an_exception_from_the_fuzzers_own_code_is_its_own_mistake() {
        Journal j = new Journal();
        j.threw(Op.OPEN, "2.1", thrownIn("sprocket.fuzz", "sprocket.fuzz.prog.FileCalls"));
        assertThat(j.escapes()).isEmpty();
        assertThat(j.fuzzerBugs()).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("2.1"));
    }
}
