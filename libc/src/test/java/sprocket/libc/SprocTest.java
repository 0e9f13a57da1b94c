package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.libc.Machine.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** sproc(2)'s C library arena, kept by the library's sproc and sprocsp. */
class SprocTest {

    /** sprocs members that pause until {@code made} fail; the count made and the errno, then kills them. */
    private static String fill(Sys sys, int inh, int most) {
        int[] kids = new int[most];
        int made = 0;
        int c;
        while (made < most && (c = Sproc.sproc(sys, (s, a, l) -> s.pause(), inh, 0)) > 0) kids[made++] = c;
        String why = made < most ? Errno.name(sys.errno()) : "none";
        for (int i = 0; i < made; i++) {
            sys.kill(kids[i], Signals.SIGKILL);
            waitFor(sys, kids[i]);
        }
        return made + " " + why;
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void ENOSPC_past_the_arena_users_unless_PR_NOLIBC(String hw) {
        // sproc(2): "[ENOSPC] If the size of the share group exceeds the number of users specified via usconfig(3P)
        // (8 by default)." "PR_NOLIBC causes the child to not join the C library (libc) arena".
        var o = Machine.with("hw=" + hw, "hw.cpus=1").program("t", (sys, argv) -> {
            int[] kids = new int[16];
            int made = 0;
            int c;
            while (made < 16 && (c = Sproc.sproc(sys, (s, a, l) -> s.pause(), Prctl.PR_SALL, 0)) > 0) {
                kids[made++] = c;
            }
            String why = Errno.name(sys.errno());
            int free = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL | Prctl.PR_NOLIBC, 0);
            waitFor(sys, free);
            String spfull = Sproc.sprocsp(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0, 0, 1 << 16) == -1
                    ? Errno.name(sys.errno()) : "made";
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            Stdio.puts(sys, made + " " + why + " " + (free > 0) + " " + spfull);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("7 ENOSPC true ENOSPC\n");
    }

    @Test
    void usconfig_before_the_first_sproc_sets_how_many_the_arena_admits_and_after_it_changes_nothing() {
        // sproc(2): "This maximum (default 8) can be configured using usconfig(3P)." "Any changes via usconfig(3P)
        // must be done BEFORE the first sproc is performed."
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 12);
            int[] kids = new int[16];
            int made = 0;
            int c;
            while (made < 16 && (c = Sproc.sproc(sys, (s, a, l) -> s.pause(), Prctl.PR_SALL, 0)) > 0) kids[made++] = c;
            int errno = sys.errno();
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 20); // too late: the arena was made with 12
            boolean still = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 && sys.errno() == Errno.ENOSPC;
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            Stdio.puts(sys, made + " " + Errno.name(errno) + " " + still);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("11 ENOSPC true\n");
    }

    @Test
    void a_member_that_exits_or_execs_leaves_the_arena_and_its_place_is_taken_again() {
        var o = Machine.with("hw.cpus=1").program("quit", (sys, argv) -> 0).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 3);
            int a = Sproc.sproc(sys, (s, x, l) -> s.pause(), Prctl.PR_SALL, 0);
            int b = Sproc.sproc(sys, (s, x, l) -> s.execv("/bin/quit", new String[] {"quit"}), Prctl.PR_SALL, 0);
            String full = Sproc.sproc(sys, (s, x, l) -> 0, Prctl.PR_SALL, 0) == -1 ? Errno.name(sys.errno()) : "made";
            waitFor(sys, b); // exec took it out of the group, and it has exited since
            int c = Sproc.sproc(sys, (s, x, l) -> 0, Prctl.PR_SALL, 0);
            waitFor(sys, c);
            int d = Sproc.sproc(sys, (s, x, l) -> 0, Prctl.PR_SALL, 0);
            waitFor(sys, d);
            sys.kill(a, Signals.SIGKILL);
            waitFor(sys, a);
            Stdio.puts(sys, full + " " + (c > 0) + " " + (d > 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ENOSPC true true\n");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void a_fork_child_forming_a_group_gets_its_own_arena_with_its_usconfig_and_leaves_the_parents_alone(
            boolean nolibcFirst) {
        // The fork child inherits the parent's library variables (CONF_INITUSERS 2 here) and a mapping of its group's
        // arena; a group it forms, with the library's sproc or first with PR_NOLIBC, is another group, whose members
        // must not be counted in (or swept out of) the parent's.
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 2);
            int a = Sproc.sproc(sys, (s, x, l) -> s.pause(), Prctl.PR_SALL, 0); // the parent's arena: full
            int f = sys.fork(s -> {
                int bare = nolibcFirst ? s.sproc((s2, x, l) -> s2.pause(), Prctl.PR_SALL | Prctl.PR_NOLIBC, 0) : 0;
                String own = fill(s, Prctl.PR_SALL, 4);
                if (bare > 0) {
                    s.kill(bare, Signals.SIGKILL);
                    waitFor(s, bare);
                }
                return own.equals("1 ENOSPC") ? 0 : 1;
            });
            int st = waitFor(sys, f);
            String full = Sproc.sproc(sys, (s, x, l) -> 0, Prctl.PR_SALL, 0) == -1 ? Errno.name(sys.errno()) : "made";
            sys.kill(a, Signals.SIGKILL);
            waitFor(sys, a);
            Stdio.puts(sys, Wait.WEXITSTATUS(st) + " " + full);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 ENOSPC\n");
    }

    @Test
    void members_without_the_address_space_share_the_arena_and_members_sproc_into_it() {
        // sproc(2): "All subsequent sproc calls by either the parent or other children in this share group will add
        // another process to the share group"; the arena is shared memory, so a member made without PR_SADDR counts
        // in the same arena as the rest.
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 4);
            int a = Sproc.sproc(sys, (s, x, l) -> {
                // This member (a copy of the data) makes two of its own: the group then has its four.
                int m1 = Sproc.sproc(s, (s2, y, k) -> s2.pause(), Prctl.PR_SFDS, 0);
                int m2 = Sproc.sproc(s, (s2, y, k) -> s2.pause(), Prctl.PR_SFDS, 0);
                int m3 = Sproc.sproc(s, (s2, y, k) -> 0, Prctl.PR_SFDS, 0);
                int e = s.errno();
                s.kill(m1, Signals.SIGKILL);
                s.kill(m2, Signals.SIGKILL);
                waitFor(s, m1);
                waitFor(s, m2);
                return m1 > 0 && m2 > 0 && m3 == -1 && e == Errno.ENOSPC ? 0 : 1;
            }, Prctl.PR_SFDS, 0);
            Stdio.puts(sys, String.valueOf(Wait.WEXITSTATUS(waitFor(sys, a))));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0\n");
    }

    @Test
    void the_system_calls_own_errors_come_through_and_a_failed_call_gives_its_place_back() {
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 2);
            // sprocsp(2): "[EINVAL] sp was null and len was less than 8192."
            String einval = Sproc.sprocsp(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0, 0, 8191) == -1
                    ? Errno.name(sys.errno()) : "made";
            // sproc(2): "[EPERM] The system call is not permitted from a pthreaded program".
            sys.prctl(Prctl.PR_INIT_THREADS);
            String eperm = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 ? Errno.name(sys.errno()) : "made";
            String again = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 ? Errno.name(sys.errno()) : "made";
            Stdio.puts(sys, einval + " " + eperm + " " + again);
            return 0;
        }).run("t");
        // The refused calls took no place: the arena for 2 still has room, and is still refused for EPERM's reason.
        assertThat(o.console()).isEqualTo("EINVAL EPERM EPERM\n");
    }

    @Test
    void an_arena_too_small_for_its_users_or_a_failing_usinit_fails_the_sproc() {
        // sproc(2): "See also the possible errors from usinit(3P)."
        var o = Machine.with("hw.cpus=1").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 4096);
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 10_000);
            String small = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 ? Errno.name(sys.errno()) : "made";
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 2);
            int ok = Sproc.sproc(sys, (s, a, l) -> 0, Prctl.PR_SALL, 0);
            waitFor(sys, ok);
            Stdio.puts(sys, small + " " + (ok > 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ENOMEM true\n");
    }
}
