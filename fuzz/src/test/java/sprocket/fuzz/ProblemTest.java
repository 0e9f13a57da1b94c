package sprocket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Findings that differ only in their numbers are one finding. */
class ProblemTest {

    @Test
    void numbers_addresses_and_counts_do_not_make_a_finding_new() {
        Problem a = Problem.of(Problem.Kind.LEAK, "3 regions are still allocated (at cycle 1234)", new RuntimeException());
        Problem b = Problem.of(Problem.Kind.LEAK, "17 regions are still allocated (at cycle 99)", new RuntimeException());
        Problem c = Problem.of(Problem.Kind.LEAK, "2 files are still open (at cycle 99)", new RuntimeException());
        assertThat(a.signature()).isEqualTo(b.signature()).isNotEqualTo(c.signature());
        assertThat(Problem.normalise("page 0x7fff0000 of pid 12 at -3")).isEqualTo("page 0xN of pid N at N");
    }

    @Test
    void a_panic_caused_by_an_exception_is_told_apart_by_where_it_was_thrown() {
        RuntimeException inner = new IllegalStateException("x");
        inner.setStackTrace(new StackTraceElement[] {new StackTraceElement("sprocket.vm.regions.PageFrames", "free",
                "PageFrames.java", 9)});
        Problem p = Problem.of(Problem.Kind.PANIC, "IllegalStateException: x", new RuntimeException("panic", inner));
        assertThat(p.signature()).isEqualTo("PANIC: IllegalStateException: x at PageFrames.free");
    }
}
