package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/** A provider whose configuration is broken is reported and skipped; the providers after it still load. */
class CatalogIterationTest {

    /** Gives "a", then fails once, then gives "c"; or fails for good after "a" when {@code forever}. */
    private static Iterator<String> brokenAfterFirst(boolean forever) {
        return new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                if (step == 1 && (forever || !failedOnce)) {
                    failedOnce = true;
                    throw new ServiceConfigurationError("sprocket.api.sched.SchedulerProvider: Provider org.example.Missing not found");
                }
                return step < 3;
            }

            private boolean failedOnce;

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                return switch (step++) {
                    case 0 -> "a";
                    case 1 -> {
                        step++;
                        yield "c";
                    }
                    default -> "c";
                };
            }
        };
    }

    @Test
    void a_broken_provider_is_reported_and_the_ones_after_it_still_load() {
        List<String> problems = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        Catalog.each(brokenAfterFirst(false), e -> problems.add(e.getMessage()), loaded::add);
        assertThat(loaded).containsExactly("a", "c");
        assertThat(problems).singleElement().asString().contains("org.example.Missing");
    }

    @Test
    void an_iterator_that_cannot_recover_ends_the_walk_after_one_report() {
        List<String> problems = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        Catalog.each(brokenAfterFirst(true), e -> problems.add(e.getMessage()), loaded::add);
        assertThat(loaded).containsExactly("a");
        assertThat(problems).hasSize(1);
    }
}
