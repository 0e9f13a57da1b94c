package org.example.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The plug-in jar's module exports nothing and provides the scheduler SPI with its provider. */
class LotteryModuleTest {
    @Test
    void the_module_exports_nothing_and_provides_the_lottery_provider() {
        ModuleDescriptor d = LotteryProvider.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("org.example.lottery");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("sprocket.api.sched.SchedulerProvider");
            assertThat(p.providers()).containsExactly(LotteryProvider.class.getName());
        });
    }
}
