package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.SprocTest.waitFor;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Ulocks;
import sprocket.api.sys.Wait;

/** usinit(3P) arenas, usconfig(3P), and the spin locks and semaphores that live in them. */
class ArenaTest {

    @Test
    void usconfig_sets_and_reads_the_arena_parameters_and_refuses_the_unknown() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long users = sys.usconfig(Ulocks.CONF_GETUSERS, 0);
            long old = sys.usconfig(Ulocks.CONF_INITUSERS, 12);
            long now = sys.usconfig(Ulocks.CONF_GETUSERS, 0);
            long size = sys.usconfig(Ulocks.CONF_GETSIZE, 0);
            boolean bad = sys.usconfig(99, 0) == -1 && sys.errno() == Errno.EINVAL;
            boolean zero = sys.usconfig(Ulocks.CONF_INITUSERS, 0) == -1 && sys.errno() == Errno.EINVAL;
            sys.println(users + " " + old + " " + now + " " + size + " " + bad + " " + zero);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("8 8 12 65536 true true\n");
    }

    @Test
    void usconfig_before_the_first_sproc_sets_how_many_the_C_library_arena_admits() {
        // sproc(2): "This maximum (default 8) can be configured using usconfig(3P)." "Any changes via usconfig(3P)
        // must be done BEFORE the first sproc is performed."
        var o = Sim.with("hw.cpus=1").program("t", (sys, argv) -> {
            sys.usconfig(Ulocks.CONF_INITUSERS, 12);
            int[] kids = new int[16];
            int made = 0;
            int c;
            while (made < 16 && (c = sys.sproc((s, a, l) -> s.pause(), Prctl.PR_SALL, 0)) > 0) kids[made++] = c;
            int errno = sys.errno();
            sys.usconfig(Ulocks.CONF_INITUSERS, 20); // too late: the arena was made with 12
            boolean still = sys.sproc((s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 && sys.errno() == Errno.ENOSPC;
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            sys.println(made + " " + Errno.name(errno) + " " + still);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("11 ENOSPC true\n");
    }

    @Test
    void a_spin_lock_keeps_members_incrementing_one_counter_from_losing_updates() {
        for (String hw : new String[] {"r2000", "x86mps"}) {
            for (boolean locked : new boolean[] {true, false}) {
                var o = Sim.with("hw=" + hw, "hw.cpus=4").program("t", (sys, argv) -> {
                    long arena = sys.usinit("/dev/zero");
                    long lock = sys.usnewlock(arena);
                    long counter = sys.sbrk(4096);
                    int[] kids = new int[4];
                    for (int i = 0; i < 4; i++) {
                        kids[i] = sys.sproc((s, arg, len) -> {
                            for (int k = 0; k < 200; k++) {
                                if (locked) s.ussetlock(lock);
                                int v = s.cpu().load32(arg);
                                s.cpu().burn(500); // a read-modify-write window another CPU falls into without the lock
                                s.cpu().store32(arg, v + 1);
                                if (locked) s.usunsetlock(lock);
                            }
                            return 0;
                        }, Prctl.PR_SADDR, counter);
                    }
                    for (int k : kids) waitFor(sys, k);
                    sys.println(sys.cpu().load32(counter) + "");
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
    }

    @Test
    void uscsetlock_gives_up_after_its_spins_on_a_held_lock() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long arena = sys.usinit("/dev/zero");
            long lock = sys.usnewlock(arena);
            int free = sys.uscsetlock(lock, 10);
            int held = sys.uscsetlock(lock, 10);
            int tested = sys.ustestlock(lock);
            sys.usunsetlock(lock);
            sys.println(free + " " + held + " " + tested + " " + sys.ustestlock(lock));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1 0 1 0\n");
    }

    @Test
    void a_semaphore_puts_the_taker_to_sleep_until_a_giver_comes() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long arena = sys.usinit("/dev/zero");
            long sema = sys.usnewsema(arena, 0);
            long cell = sys.sbrk(4096);
            int taker = sys.sproc((s, arg, len) -> {
                s.uspsema(sema); // count -1: sleeps
                s.cpu().store32(arg, 2);
                return 0;
            }, Prctl.PR_SADDR, cell);
            while (sys.prctl(Prctl.PR_ISBLOCKED, taker) != 1) sys.sched_yield();
            int before = sys.cpu().load32(cell);
            sys.cpu().store32(cell, 1);
            sys.usvsema(sema);
            waitFor(sys, taker);
            int cp = sys.uscpsema(sema); // count 0: would block, so no
            sys.usvsema(sema);
            int cp2 = sys.uscpsema(sema);
            sys.println(before + " " + sys.cpu().load32(cell) + " " + cp + " " + cp2);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 2 0 1\n");
    }

    @Test
    void an_arena_file_is_shared_by_unrelated_processes_and_admits_its_configured_users() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            sys.usconfig(Ulocks.CONF_INITUSERS, 2);
            long mine = sys.usinit("/tmp/arena");
            long lock = sys.usnewlock(mine);
            sys.ussetlock(lock);
            // A forked process maps the same file: it sees the lock held, and is the second user.
            int f = sys.fork(s -> {
                long theirs = s.usinit("/tmp/arena");
                int held = s.uscsetlock(theirs + (lock - mine), 5);
                int third = s.fork(s2 -> s2.usinit("/tmp/arena") == 0 && s2.errno() == Errno.ENOSPC ? 7 : 1);
                return held * 10 + Wait.WEXITSTATUS(waitFor(s, third));
            });
            int st = waitFor(sys, f);
            sys.usunsetlock(lock);
            sys.println(Wait.WEXITSTATUS(st) + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("7\n");
    }

    @Test
    void test_and_set_costs_what_each_machines_atomic_primitive_costs() {
        // The R2000 has no read-modify-write instruction and goes through its bus lock unit; x86 MPS uses LOCK XCHG.
        long[] cost = new long[2];
        String[] machines = {"r2000", "x86mps"};
        for (int m = 0; m < 2; m++) {
            int mm = m;
            var o = Sim.with("hw=" + machines[m], "hw.cpus=1").program("t", (sys, argv) -> {
                long word = sys.sbrk(4096);
                sys.cpu().store32(word, 0);
                long t0 = sys.cpu().cycles();
                for (int i = 0; i < 100; i++) {
                    sys.cpu().test_and_set(word, 1);
                    sys.cpu().store32(word, 0);
                }
                long withTas = sys.cpu().cycles() - t0;
                t0 = sys.cpu().cycles();
                for (int i = 0; i < 100; i++) {
                    sys.cpu().store32(word, 1);
                    sys.cpu().store32(word, 0);
                }
                cost[mm] = (withTas - (sys.cpu().cycles() - t0)) / 100;
                return 0;
            }).run("t");
            assertThat(o.status()).isZero();
        }
        assertThat(cost[0]).isPositive();
        assertThat(cost[1]).isPositive();
        assertThat(cost[0]).isNotEqualTo(cost[1]);
    }
}
