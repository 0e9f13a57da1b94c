/**
 * The scheduler test kit. A plug-in project's test class extends {@link sprocket.sched.tck.SchedulerTck} and says
 * which provider to test; the kit boots the real kernel with that policy behind a checking decorator, runs
 * generated CPU-bound, I/O-bound and mixed workloads on 1..8 CPUs, and fails with a readable message naming the
 * policy, the process, the CPU count, the seed and the workload when the policy breaks a rule.
 */
package sprocket.sched.tck;
