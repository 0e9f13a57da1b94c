package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.libc.Machine.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;

/** usnewsema(3P), uspsema(3P), uscpsema(3P) and usvsema(3P), run in real kernels. */
class UsemaTest {

    private static void waitBlocked(Sys sys, int pid) {
        while (sys.prctl(Prctl.PR_ISBLOCKED, pid) != 1) sys.sched_yield();
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_semaphore_puts_the_taker_to_sleep_until_a_giver_comes(String hw) {
        // uspsema(3P): "If the count is then negative, the semaphore will logically block the calling process until
        // the count is incremented due to a usvsema(3P) call made by another process." uscpsema(3P): "If the
        // semaphore is not available ... uscpsema returns immediately".
        var o = Machine.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long sema = Usema.usnewsema(sys, arena, 0);
            long cell = sys.sbrk(4096);
            int taker = Sproc.sproc(sys, (s, arg, len) -> {
                int r = Usema.uspsema(s, sema); // count -1: sleeps
                s.cpu().store32(arg, 2);
                return r;
            }, Prctl.PR_SADDR, cell);
            waitBlocked(sys, taker);
            int before = sys.cpu().load32(cell);
            sys.cpu().store32(cell, 1);
            Usema.usvsema(sys, sema);
            int got = waitFor(sys, taker) >> 8;
            int cp = Usema.uscpsema(sys, sema); // count 0: would block, so no
            Usema.usvsema(sys, sema);
            int cp2 = Usema.uscpsema(sys, sema);
            Stdio.puts(sys, before + " " + sys.cpu().load32(cell) + " " + got + " " + cp + " " + cp2);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 2 1 0 1\n");
    }

    @Test
    void waiters_are_woken_in_the_order_they_came() {
        // uspsema(3P): "Processes are unblocked in FIFO order."
        var o = Machine.with("hw.cpus=2").program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long sema = Usema.usnewsema(sys, arena, 0);
            long order = sys.sbrk(4096);
            int[] kids = new int[4];
            for (int i = 0; i < kids.length; i++) {
                int me = i + 1;
                kids[i] = Sproc.sproc(sys, (s, arg, len) -> {
                    Usema.uspsema(s, sema);
                    int at = s.cpu().load32(arg);
                    s.cpu().store32(arg + 4 + 4L * at, me);
                    s.cpu().store32(arg, at + 1);
                    Usema.usvsema(s, sema); // the next in line goes when this one is done
                    return 0;
                }, Prctl.PR_SADDR, order);
                waitBlocked(sys, kids[i]);
            }
            Usema.usvsema(sys, sema);
            for (int k : kids) waitFor(sys, k);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 4; i++) b.append(sys.cpu().load32(order + 4 + 4L * i));
            Stdio.puts(sys, b.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1234\n");
    }

    @Test
    void usvsema_skips_a_waiter_that_is_no_longer_alive_and_wakes_the_next() {
        // usvsema(3P): "If the process to be awoken is no longer alive, usvsema will automatically attempt to awaken
        // the next process waiting for the semaphore."
        var o = Machine.with("hw.cpus=2").program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long sema = Usema.usnewsema(sys, arena, 0);
            long cell = sys.sbrk(4096);
            int doomed = Sproc.sproc(sys, (s, arg, len) -> Usema.uspsema(s, sema), Prctl.PR_SADDR, cell);
            waitBlocked(sys, doomed);
            int next = Sproc.sproc(sys, (s, arg, len) -> {
                Usema.uspsema(s, sema);
                s.cpu().store32(arg, 9);
                return 0;
            }, Prctl.PR_SADDR, cell);
            waitBlocked(sys, next);
            sys.kill(doomed, Signals.SIGKILL);
            waitFor(sys, doomed);
            int v = Usema.usvsema(sys, sema);
            waitFor(sys, next);
            // Both waiters are gone and one usvsema was made: the count is back to 0, not owed to the dead one.
            Stdio.puts(sys, v + " " + sys.cpu().load32(cell) + " " + Usema.uscpsema(sys, sema));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 9 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_semaphore_in_a_zeroed_or_scribbled_page_is_EINVAL_never_a_host_exception(String hw) {
        // uscpsema(3P): "uscpsema can only return an error (-1) if the internal semaphore data structure is corrupted."
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            long page = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
            StringBuilder b = new StringBuilder();
            b.append(Usema.uspsema(sys, page)).append(Errno.name(sys.errno())).append(' ');
            b.append(Usema.usvsema(sys, page)).append(Errno.name(sys.errno())).append(' ');
            b.append(Usema.uscpsema(sys, page)).append(Errno.name(sys.errno())).append(' ');
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long sema = Usema.usnewsema(sys, arena, 1);
            sys.cpu().store32(sema + Usema.S_CAP, -3); // a capacity no arena has
            b.append(Usema.uspsema(sys, sema)).append(' ');
            sys.cpu().store32(sema + Usema.S_CAP, 8);
            sys.cpu().store32(sema + Usema.S_TAIL, 5); // five queued, and a count that says none wait
            b.append(Usema.usvsema(sys, sema)).append(' ');
            sys.cpu().store32(sema + Usema.S_TAIL, 0);
            b.append(Usema.uspsema(sys, sema)).append(' ').append(Usema.uscpsema(sys, sema));
            Stdio.puts(sys, b.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("-1EINVAL -1EINVAL -1EINVAL -1 -1 1 0\n");
    }

    @Test
    void usnewsema_refuses_a_value_out_of_range_and_more_waiters_than_users_is_ENOSPC() {
        // usnewsema(3P): "[EINVAL] val is less than zero or greater than 30000." usconfig(3P): each process that
        // uses a semaphore counts as a user of its arena, and the arena was made for CONF_INITUSERS of them.
        var o = Machine.with("hw.cpus=2").program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 3);
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            String neg = Usema.usnewsema(sys, arena, -1) == 0 ? Errno.name(sys.errno()) : "made";
            String big = Usema.usnewsema(sys, arena, 30_001) == 0 ? Errno.name(sys.errno()) : "made";
            long sema = Usema.usnewsema(sys, arena, 0);
            int[] kids = new int[4];
            for (int i = 0; i < kids.length; i++) {
                kids[i] = Sproc.sproc(sys, (s, a, l) -> Usema.uspsema(s, sema) == -1 ? s.errno() : 0,
                        Prctl.PR_SADDR | Prctl.PR_NOLIBC, 0);
                if (i < 3) waitBlocked(sys, kids[i]);
            }
            int fourth = waitFor(sys, kids[3]) >> 8;
            for (int i = 0; i < 3; i++) Usema.usvsema(sys, sema);
            for (int i = 0; i < 3; i++) waitFor(sys, kids[i]);
            Stdio.puts(sys, neg + " " + big + " " + Errno.name(fourth) + " " + Usema.uscpsema(sys, sema));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("EINVAL EINVAL ENOSPC 0\n");
    }
}
