package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Wait;

/** setpgid(2) and the lifetime of a process group, as POSIX defines them. */
class ProcessGroupTest {

    /**
     * POSIX, XBD "Process Lifetime": a process's lifetime "ends when its process ID is returned to the system", which
     * for a child is when its parent waits for it; XBD "Process Group Lifetime" ends "when the last remaining process
     * in the group leaves the group". So a group whose only member has exited and not been reaped still exists, and
     * setpgid(2) may move another process of the session into it: its EPERM is only for "no process with a process
     * group ID that matches the value of the pgid argument in the same session as the calling process". kill(2) of
     * the zombie by its pid already finds it.
     */
    @Test
    void setpgid_joins_a_group_whose_only_member_is_a_zombie_not_yet_reaped() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int leader = sys.fork(s -> {
                s.setpgid(0, 0);
                return 0;
            });
            sys.setpgid(leader, leader);
            // The leader exits at once; a second of simulated time later it is a zombie, its group left to it.
            sys.sleep(1);
            int member = sys.fork(s -> {
                s.pause();
                return 0;
            });
            boolean zombieFound = sys.kill(leader, 0) == 0;
            int joined = sys.setpgid(member, leader);
            int errno = sys.errno();
            int group = sys.getpgid(member);
            sys.kill(member, Signals.SIGKILL);
            int[] st = new int[1];
            boolean reaped = sys.waitpid(leader, st, 0) == leader && Wait.WIFEXITED(st[0])
                    && sys.waitpid(member, st, 0) == member;
            Sim.puts(sys, "kill " + zombieFound + " setpgid " + joined + " errno " + errno + " pgid "
                    + (group == leader ? "leader's" : group) + " reaped " + reaped);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("kill true setpgid 0 errno 0 pgid leader's reaped true\n");
    }

    /**
     * kill(2): "[ESRCH] No process or process group can be found corresponding to that specified by pid." A zombie is
     * still a process until its parent waits for it, so signalling its group succeeds (and changes nothing).
     */
    @Test
    void kill_of_a_group_whose_only_member_is_a_zombie_succeeds() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int leader = sys.fork(s -> {
                s.setpgid(0, 0);
                return 0;
            });
            sys.setpgid(leader, leader);
            sys.sleep(1);
            int zombieGroup = sys.kill(-leader, Signals.SIGTERM);
            int[] st = new int[1];
            boolean exitedNormally = sys.waitpid(leader, st, 0) == leader && Wait.WIFEXITED(st[0]);
            int goneGroup = sys.kill(-leader, Signals.SIGTERM);
            Sim.puts(sys, "zombie group " + zombieGroup + " exited " + exitedNormally + " reaped group " + goneGroup
                    + " errno " + sys.errno());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("zombie group 0 exited true reaped group -1 errno " + Errno.ESRCH
                + "\n");
    }
}
