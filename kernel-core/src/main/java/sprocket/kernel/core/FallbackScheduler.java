package sprocket.kernel.core;

import sprocket.api.sched.SchedulerProvider;

/** The policy the kernel falls back to when it ejects a broken one; {@code provider} is null when there is none. */
record FallbackScheduler(SchedulerProvider provider) {
}
