package sprocket.kernel.engine;

import sprocket.api.sched.SchedulerProvider;

/** The policy the kernel falls back to when it ejects a broken one; {@code provider} is null when there is none. */
public record FallbackScheduler(SchedulerProvider provider) {
}
