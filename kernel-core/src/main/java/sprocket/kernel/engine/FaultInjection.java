package sprocket.kernel.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sprocket.api.spi.Faults;
import sprocket.api.spi.Settings;
import sprocket.kernel.stats.Stats;

/**
 * The kernel's fault injection (Linux's should_fail): each site fails with its probability, {@code fault.site.SITE}
 * or else {@code fault.rate}, in allocations per million, drawn from a stream of its own seeded by {@code fault.seed}
 * (the run's seed when 0), so a seed gives the same failures and one site's draws never shift another's. Only
 * allocations a user process causes fail (Linux's task filter): never at boot, in an interrupt or callout, or for
 * init, whose console and first fork the run needs.
 */
@Singleton
public final class FaultInjection implements Faults {
    /** Allocations per million: the unit of the fault.* rates. */
    public static final int PER_MILLION = 1_000_000;

    private final Engine engine;
    private final Map<String, Site> sites = new HashMap<>();
    private final boolean on;

    /** Failures injected, every site together; made only when some site may fail. */
    private final Stats.Count injected;

    /** One site's probability and stream. */
    private record Site(int rate, SplittableRandom random) {
    }

    @Inject
    public FaultInjection(Engine engine, Settings settings, Stats stats) {
        this.engine = engine;
        long seed = settings.getLong("fault.seed");
        if (seed == 0) seed = settings.seed();
        int rate = settings.getInt("fault.rate");
        boolean any = false;
        for (String name : SITES) {
            int own = settings.getInt("fault.site." + name);
            int r = own >= 0 ? own : rate;
            any |= r > 0;
            long h = seed * 0x9E3779B97F4A7C15L ^ name.hashCode();
            sites.put(name, new Site(r, new SplittableRandom(h)));
        }
        this.on = any;
        this.injected = any ? stats.counter("faults_injected") : null;
    }

    @Override
    public boolean shouldFail(String site) {
        if (!on) return false;
        Kthread t = engine.running();
        if (t == null || t.pid() <= 1) return false;
        Site s = sites.get(site);
        if (s == null) throw new IllegalArgumentException("no fault-injection site named " + site);
        if (s.rate <= 0 || s.random.nextInt(PER_MILLION) >= s.rate) return false;
        injected.increment();
        return true;
    }
}
