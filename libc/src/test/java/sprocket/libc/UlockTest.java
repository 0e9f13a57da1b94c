package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.libc.Machine.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;

/** ussetlock(3P) and its relatives, on both machines' atomic primitives. */
class UlockTest {

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_spin_lock_keeps_members_incrementing_one_counter_from_losing_updates(String hw) {
        // ussetlock(3P): "If the lock is free then it is atomically locked, and control is returned to the caller."
        for (boolean locked : new boolean[] {true, false}) {
            var o = Machine.with("hw=" + hw, "hw.cpus=4").program("t", (sys, argv) -> {
                long arena = Arena.usinit(sys, Arena.DEV_ZERO);
                long lock = Ulock.usnewlock(sys, arena);
                long counter = sys.sbrk(4096);
                int[] kids = new int[4];
                for (int i = 0; i < 4; i++) {
                    kids[i] = Sproc.sproc(sys, (s, arg, len) -> {
                        for (int k = 0; k < 200; k++) {
                            if (locked) Ulock.ussetlock(s, lock);
                            int v = s.cpu().load32(arg);
                            s.cpu().burn(500); // a read-modify-write window another CPU falls into without the lock
                            s.cpu().store32(arg, v + 1);
                            if (locked) Ulock.usunsetlock(s, lock);
                        }
                        return 0;
                    }, Prctl.PR_SADDR, counter);
                }
                for (int k : kids) waitFor(sys, k);
                Stdio.puts(sys, String.valueOf(sys.cpu().load32(counter)));
                return 0;
            }).run("t");
            int total = Integer.parseInt(o.console().strip());
            if (locked) {
                assertThat(total).as(hw).isEqualTo(800);
            } else {
                assertThat(total).as(hw + " without the lock").isLessThan(800);
            }
        }
    }

    @Test
    void uscsetlock_gives_up_after_its_spins_on_a_held_lock_and_ustestlock_only_looks() {
        // ussetlock(3P): "If, after spins attempts to acquire the lock have all failed, the function will either
        // return (uscsetlock) or yield the processor (ussetlock ...)".
        var o = Machine.with("hw.cpus=2").program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long lock = Ulock.usnewlock(sys, arena);
            int free = Ulock.uscsetlock(sys, lock, 10);
            int held = Ulock.uscsetlock(sys, lock, 10);
            int tested = Ulock.ustestlock(sys, lock);
            Ulock.usunsetlock(sys, lock);
            Stdio.puts(sys, free + " " + held + " " + tested + " " + Ulock.ustestlock(sys, lock) + " "
                    + Ulock.uscsetlock(sys, lock, 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1 0 1 0 1\n");
    }

    @Test
    void a_holder_descheduled_on_one_cpu_gets_the_lock_back_through_the_waiters_yields() {
        // "After returning from yield, ussetlock ... will again attempt to acquire the lock spins times. This will
        // continue until the lock is finally acquired."
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long lock = Ulock.usnewlock(sys, arena);
            long cell = sys.sbrk(4096);
            Ulock.ussetlock(sys, lock);
            int c = Sproc.sproc(sys, (s, arg, len) -> {
                Ulock.ussetlock(s, lock);
                s.cpu().store32(arg, 2);
                Ulock.usunsetlock(s, lock);
                return 0;
            }, Prctl.PR_SADDR, cell);
            sys.sched_yield(); // the child runs, and spins on the lock until it yields back
            sys.cpu().store32(cell, 1);
            Ulock.usunsetlock(sys, lock);
            waitFor(sys, c);
            Stdio.puts(sys, String.valueOf(sys.cpu().load32(cell)));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("2\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_lock_left_taken_by_a_dead_process_costs_the_waiter_simulated_time_not_host_time(String hw) {
        // The member takes the lock and is killed holding it: the parent waits in ussetlock until its alarm (one
        // simulated second) kills it. Yielding alone would spin some 600,000 test_and_sets a second on the host;
        // napping between rounds once the yields are spent keeps the calls it makes to a few dozen.
        for (int cpus : new int[] {1, 2}) {
            var o = Machine.with("hw=" + hw, "hw.cpus=" + cpus).program("t", (sys, argv) -> {
                long arena = Arena.usinit(sys, Arena.DEV_ZERO);
                long lock = Ulock.usnewlock(sys, arena);
                int c = Sproc.sproc(sys, (s, a, l) -> {
                    Ulock.ussetlock(s, lock);
                    s.kill(s.getpid(), Signals.SIGKILL);
                    return 0;
                }, Prctl.PR_SADDR, 0);
                waitFor(sys, c);
                sys.alarm(1);
                Ulock.ussetlock(sys, lock);
                return 0;
            }).run("t");
            assertThat(o.status()).as("killed by its alarm, a simulated second later").isEqualTo(128 + Signals.SIGALRM);
            assertThat((Long) o.stats().get("syscalls")).as(hw + " " + cpus + " cpus").isLessThan(200);
        }
    }
}
