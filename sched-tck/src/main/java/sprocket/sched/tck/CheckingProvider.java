package sprocket.sched.tck;

import java.util.List;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Conflict;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * The provider under test with the same name, version and tunables, whose policies come wrapped in a
 * {@link CheckingScheduler}; the kit adds it to the catalog in place of the original.
 */
final class CheckingProvider implements SchedulerProvider {
    private final SchedulerProvider provider;
    private final Scenario scenario;
    private final long boundTicks;
    private final boolean workConserving;
    private final Violations violations = new Violations();
    private CheckingScheduler made;

    CheckingProvider(SchedulerProvider provider, Scenario scenario, long boundTicks, boolean workConserving) {
        this.provider = provider;
        this.scenario = scenario;
        this.boundTicks = boundTicks;
        this.workConserving = workConserving;
    }

    Violations violations() {
        return violations;
    }

    /** What the policy still held when the kernel stopped, for a run that ended early; "" if nothing. */
    String stranded() {
        return made == null ? "" : made.stranded();
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public String version() {
        return provider.version();
    }

    @Override
    public String apiVersion() {
        return provider.apiVersion();
    }

    @Override
    public String description() {
        return provider.description();
    }

    @Override
    public List<Tunable> tunables() {
        return provider.tunables();
    }

    @Override
    public List<Conflict> conflicts(Settings settings) {
        return provider.conflicts(settings);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        Scheduler policy;
        try {
            policy = provider.create(context);
        } catch (RuntimeException e) {
            String message = "policy '" + name() + "' threw " + e + " from create on " + context.cpus() + " CPUs, "
                    + scenario.label();
            violations.record(message, e);
            throw new PolicyViolation(message, e);
        }
        if (policy == null) {
            String message = "policy '" + name() + "': create returned null on " + context.cpus() + " CPUs, "
                    + scenario.label();
            violations.record(message, null);
            throw new PolicyViolation(message, null);
        }
        made = new CheckingScheduler(policy, name(), context, scenario, boundTicks, workConserving, violations);
        return made;
    }
}
