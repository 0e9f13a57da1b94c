package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Resource.PRIO_PGRP;
import static sprocket.api.sys.Resource.PRIO_PROCESS;
import static sprocket.api.sys.Resource.PRIO_USER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Sys;

/**
 * getpriority(2) and setpriority(2) against the Linux manual page (the 4.2BSD calls IRIX and Linux share): the
 * processes a {@code which} and {@code who} name, the lowest nice value, clamping, and each error. Each result is
 * recorded as "value errno" and checked after the run.
 */
class PriorityTest {

    private final List<String> seen = new ArrayList<>();

    private void record(Sys sys, int result) {
        seen.add(result + " " + (result == -1 ? sys.errno() : 0));
    }

    private void run(java.util.function.BiFunction<Sys, String[], Integer> main) {
        var o = Sim.with().program("p", main).run("p");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_process_sets_and_reads_its_own_nice_value_clamped_to_the_range() {
        run((sys, argv) -> {
            record(sys, sys.setpriority(PRIO_PROCESS, 0, 7));
            record(sys, sys.getpriority(PRIO_PROCESS, 0));
            record(sys, sys.getpriority(PRIO_PROCESS, sys.getpid()));
            // "Attempts to set a nice value outside the range are clamped to the range."
            record(sys, sys.setpriority(PRIO_PROCESS, 0, 100));
            record(sys, sys.getpriority(PRIO_PROCESS, 0));
            record(sys, sys.setpriority(PRIO_PROCESS, 0, -100));
            // "Since getpriority() can legitimately return the value -1, it is necessary to clear the external
            // variable errno prior to the call": -20 here, then -1, which is a value and no error.
            record(sys, sys.getpriority(PRIO_PROCESS, 0));
            sys.setpriority(PRIO_PROCESS, 0, -1);
            sys.errno(0);
            int v = sys.getpriority(PRIO_PROCESS, 0);
            seen.add(v + " errno " + sys.errno());
            return 0;
        });
        assertThat(seen).containsExactly("0 0", "7 0", "7 0", "0 0", "19 0", "0 0", "-20 0", "-1 errno 0");
    }

    @Test
    void getpriority_answers_the_lowest_nice_value_of_a_process_group_and_setpriority_sets_them_all() {
        run((sys, argv) -> {
            sys.setpgid(0, 0);
            int child = sys.fork(s -> {
                s.nice(3);
                s.pause();
                return 0;
            });
            sys.sleep(1);
            sys.nice(5);
            // "The getpriority() call returns the highest priority (lowest numerical value) enjoyed by any of the
            // specified processes."
            record(sys, sys.getpriority(PRIO_PGRP, 0));
            record(sys, sys.setpriority(PRIO_PGRP, sys.getpid(), 10));
            record(sys, sys.getpriority(PRIO_PROCESS, child));
            record(sys, sys.getpriority(PRIO_PROCESS, 0));
            record(sys, sys.getpriority(PRIO_USER, 0));
            sys.kill(child, Signals.SIGKILL);
            sys.wait(new int[1]);
            return 0;
        });
        assertThat(seen).containsExactly("3 0", "0 0", "10 0", "10 0", "0 0");
    }

    @Test
    void an_ordinary_user_may_raise_but_not_lower_a_nice_value_nor_touch_another_users_process() {
        run((sys, argv) -> {
            int rootChild = sys.fork(s -> {
                s.pause();
                return 0;
            });
            int user = sys.fork(s -> {
                s.setuid(100);
                record(s, s.setpriority(PRIO_PROCESS, 0, 4));
                // "EACCES The caller attempted to set a lower nice value (i.e., a higher process priority), but did
                // not have the required privilege"
                record(s, s.setpriority(PRIO_PROCESS, 0, 2));
                record(s, s.setpriority(PRIO_PROCESS, 0, 4));
                // "EPERM A process was located, but its effective user ID did not match either the effective or the
                // real user ID of the caller, and was not privileged"
                record(s, s.setpriority(PRIO_PROCESS, rootChild, 19));
                // Reading another user's value is allowed.
                record(s, s.getpriority(PRIO_PROCESS, rootChild));
                return 0;
            });
            sys.waitpid(user, new int[1], 0);
            sys.kill(rootChild, Signals.SIGKILL);
            sys.wait(new int[1]);
            return 0;
        });
        assertThat(seen).containsExactly("0 0", "-1 " + Errno.EACCES, "0 0", "-1 " + Errno.EPERM, "0 0");
    }

    @Test
    void no_process_named_is_esrch_and_an_unknown_which_is_einval() {
        run((sys, argv) -> {
            // "ESRCH No process was located using the which and who values specified."
            record(sys, sys.getpriority(PRIO_PROCESS, 999));
            record(sys, sys.setpriority(PRIO_PGRP, 999, 1));
            record(sys, sys.getpriority(PRIO_USER, 4242));
            // "EINVAL which was not one of PRIO_PROCESS, PRIO_PGRP, or PRIO_USER."
            record(sys, sys.getpriority(7, 0));
            record(sys, sys.setpriority(-1, 0, 0));
            return 0;
        });
        assertThat(seen).containsExactly("-1 " + Errno.ESRCH, "-1 " + Errno.ESRCH, "-1 " + Errno.ESRCH,
                "-1 " + Errno.EINVAL, "-1 " + Errno.EINVAL);
    }
}
