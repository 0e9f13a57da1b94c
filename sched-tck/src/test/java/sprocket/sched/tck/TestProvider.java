package sprocket.sched.tck;

import java.util.function.Function;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;

/** A provider for one of the kit's own test policies, named as the configuration will name it. */
final class TestProvider implements SchedulerProvider {
    private final String name;
    private final Function<SchedulerContext, Scheduler> make;

    TestProvider(String name, Function<SchedulerContext, Scheduler> make) {
        this.name = name;
        this.make = make;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "the kit's test policy " + name;
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return make.apply(context);
    }
}
