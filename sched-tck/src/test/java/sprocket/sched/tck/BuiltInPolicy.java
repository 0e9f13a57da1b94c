package sprocket.sched.tck;

import java.util.ServiceLoader;
import sprocket.api.sched.SchedulerProvider;

/** Finds a built-in policy the way the kernel does, by name through ServiceLoader; its classes are not exported. */
final class BuiltInPolicy {
    private BuiltInPolicy() {
    }

    static SchedulerProvider named(String name) {
        BuiltInPolicy.class.getModule().addUses(SchedulerProvider.class);
        return ServiceLoader.load(SchedulerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scheduler provider named " + name));
    }
}
