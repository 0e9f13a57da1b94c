package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.Wait;

/** sproc(2) and sprocsp(2), sentence by sentence of the IRIX manual page's DESCRIPTION and NOTES. */
class SprocTest {

    /** waitpid(2) for {@code pid}, again after a caught signal interrupts it; the wait status, or -1. */
    static int waitFor(sprocket.api.sys.Sys sys, int pid) {
        int[] st = new int[1];
        int r;
        while ((r = sys.waitpid(pid, st, 0)) == -1 && sys.errno() == Errno.EINTR) {
            // interrupted: wait again
        }
        return r == pid ? st[0] : -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void with_PR_SADDR_all_the_text_and_data_space_is_visible_to_both(String hw) {
        // "after an sproc call, the new child process shares the virtual address space of the parent process".
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            long data = sys.sbrk(8192);
            sys.cpu().store32(data, 1);
            int c = sys.sproc((s, arg, len) -> {
                int seen = s.cpu().load32(arg);
                s.cpu().store32(arg + 4096, 42);
                long more = s.sbrk(4096); // the break is the group's: the parent sees the growth too
                s.cpu().store32(more, 7);
                s.cpu().store64(arg + 8, more);
                return seen;
            }, Prctl.PR_SADDR, data);
            int st = waitFor(sys, c);
            long more = sys.cpu().load64(data + 8);
            Sim.puts(sys, Wait.WEXITSTATUS(st) + " " + sys.cpu().load32(data + 4096) + " " + sys.cpu().load32(more)
                    + " " + (sys.sbrk(0) == more + 4096));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("1 42 7 true\n");
    }

    @Test
    void without_PR_SADDR_the_writable_portions_are_copy_on_write() {
        // "During a normal fork(2) or if the PR_SADDR is not set, the writable portions of the process's address
        // space are marked copy-on-write ... Thus writes by one process will not be visible to the other".
        var o = Sim.with().program("t", (sys, argv) -> {
            long data = sys.sbrk(4096);
            sys.cpu().store32(data, 5);
            int c = sys.sproc((s, arg, len) -> {
                s.cpu().store32(arg, 99);
                return s.cpu().load32(arg);
            }, Prctl.PR_SFDS, data);
            int st = waitFor(sys, c);
            Sim.puts(sys, Wait.WEXITSTATUS(st) + " " + sys.cpu().load32(data));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("99 5\n");
    }

    @Test
    void the_first_sproc_forms_the_group_and_later_ones_by_any_member_add_to_it() {
        // "A share group is initially formed when a process first executes an sproc or sprocsp call. All subsequent
        // sproc calls by either the parent or other children in this share group will add another process".
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            long before = sys.prctl(Prctl.PR_GETNSHARE);
            int c = sys.sproc((s, arg, len) -> {
                int g = s.sproc((s2, a2, l2) -> {
                    s2.cpu().store32(a2, (int) s2.prctl(Prctl.PR_GETNSHARE));
                    return 0;
                }, Prctl.PR_SALL, arg);
                waitFor(s, g);
                return 0;
            }, Prctl.PR_SALL, cell);
            waitFor(sys, c);
            Sim.puts(sys, before + " " + sys.cpu().load32(cell) + " " + sys.prctl(Prctl.PR_GETNSHARE));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 3 1\n");
    }

    @Test
    void parent_and_child_have_their_own_pids_but_one_process_group_and_the_parent_gets_SIGCLD() {
        // "The parent and the child after an sproc each have a unique process id (pid), but are in the same process
        // group." "If the child process resulting from an sproc dies or calls exit(2), the parent process receives
        // the SIGCLD signal".
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int[] cld = new int[1];
            sys.sigaction(Signals.SIGCHLD, Sigaction.of((hs, sig) -> cld[0]++), null);
            int c = sys.sproc((s, arg, len) -> {
                s.cpu().store32(arg, s.getpid());
                s.cpu().store32(arg + 4, s.getpgrp());
                s.cpu().store32(arg + 8, s.getppid());
                return 3;
            }, Prctl.PR_SALL, cell);
            int st = waitFor(sys, c);
            Sim.puts(sys, (sys.cpu().load32(cell) == c) + " " + (sys.cpu().load32(cell + 4) == sys.getpgrp()) + " "
                    + (sys.cpu().load32(cell + 8) == sys.getpid()) + " " + Wait.WEXITSTATUS(st) + " " + cld[0]);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true 3 1\n");
    }

    @Test
    void the_child_starts_at_entry_with_arg_and_sprocsp_passes_len_as_stksize() {
        // "If created via sprocsp the new process will be invoked as follows: entry(void *arg, size_t stksize) where
        // stksize is the len argument the parent passed to sprocsp."
        var o = Sim.with().program("t", (sys, argv) -> {
            int c = sys.sprocsp((s, arg, len) -> (int) (arg + len / 1024), Prctl.PR_SALL, 7, 0, 64 * 1024);
            Sim.puts(sys, Wait.WEXITSTATUS(waitFor(sys, c)) + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("71\n");
    }

    @Test
    void the_new_stack_overlaps_nothing_is_visible_to_the_group_and_grows_on_demand() {
        // "If the argument sp is set to NULL then the system will create a stack region for the child. This stack
        // region will not overlap with any other area of the share group's address space. These stack regions grow
        // downward, and are automatically grown if the process accesses new areas of the stack."
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sprocsp((s, arg, len) -> {
                long sp = s.cpu().stackPointer();
                s.cpu().store64(arg, sp);
                s.cpu().store32(sp - 8, 1234);
                s.cpu().store32(sp - 48 * 1024, 5678); // 48K down: within the 64K margin, grown on demand
                s.blockproc(s.getpid());
                return 0;
            }, Prctl.PR_SALL, cell, 0, 64 * 1024);
            while (sys.prctl(Prctl.PR_ISBLOCKED, c) != 1) sys.sched_yield();
            long sp = sys.cpu().load64(cell);
            boolean apart = Math.abs(sp - sys.cpu().stackPointer()) >= 64 * 1024;
            String seen = sys.cpu().load32(sp - 8) + " " + sys.cpu().load32(sp - 48 * 1024);
            sys.unblockproc(c);
            waitFor(sys, c);
            Sim.puts(sys, apart + " " + seen);
            return 0;
        }).run("t");
        assertThat(o.console()).as(o.console()).isEqualTo("true 1234 5678\n");
    }

    @Test
    void with_sp_given_the_stack_is_the_callers_and_sp_is_rounded_down() {
        // "If sp is set to a valid virtual address in the share group then the stack of the new process is set to
        // this value ... It will automatically be rounded down to provide the appropriate alignment."
        var o = Sim.with().program("t", (sys, argv) -> {
            long stack = sys.sbrk(16384);
            long cell = stack;
            int c = sys.sprocsp((s, arg, len) -> {
                s.cpu().store64(arg, s.cpu().stackPointer());
                return 0;
            }, Prctl.PR_SALL, cell, stack + 16384 - 3, 0);
            waitFor(sys, c);
            Sim.puts(sys, (sys.cpu().load64(cell) == stack + 16384 - 8) + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true\n");
    }

    @Test
    void errors_EINVAL_for_a_short_len_and_ENOMEM_when_the_group_would_grow_too_large() {
        var o = Sim.with().program("t", (sys, argv) -> {
            // "[EINVAL] sp was null and len was less than 8192."
            boolean einval = sys.sprocsp((s, a, l) -> 0, Prctl.PR_SALL, 0, 0, 8191) == -1 && sys.errno() == Errno.EINVAL;
            // "Calling sproc or sprocsp too often, when the stack size is set very large can easily cause the share
            // group to grow larger than the per-process maximum allowable size {PROCSIZE_MAX} ... the call will fail
            // and return ENOMEM."
            sys.setrlimit(Rlimit.RLIMIT_VMEM, new Rlimit(8L << 20, Rlimit.RLIM_INFINITY));
            boolean enomem = sys.sprocsp((s, a, l) -> 0, Prctl.PR_SALL, 0, 0, 16L << 20) == -1
                    && sys.errno() == Errno.ENOMEM;
            // "[ENOMEM] If there is not enough virtual space to allocate a new stack."
            sys.setrlimit(Rlimit.RLIMIT_VMEM, new Rlimit(Rlimit.RLIM_INFINITY, Rlimit.RLIM_INFINITY));
            boolean novspace = sys.sprocsp((s, a, l) -> 0, Prctl.PR_SALL, 0, 0, 3L << 30) == -1
                    && sys.errno() == Errno.ENOMEM;
            Sim.puts(sys, einval + " " + enomem + " " + novspace + " " + sys.prctl(Prctl.PR_GETNSHARE));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true 0\n");
    }

    /**
     * sproc(2): "Calling sproc or sprocsp too often, when the stack size is set very large can easily cause the share
     * group to grow larger than the per-process maximum allowable size {PROCSIZE_MAX} [see intro(2)]. In this case,
     * the call will fail and return ENOMEM." With RLIMIT_VMEM unlimited (its default) the bound is what the 2 GiB of
     * user space holds: 256 MiB stacks fit seven times beside exec's own, not 32.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void huge_stacks_fail_with_ENOMEM_once_the_group_outgrows_the_address_space_even_with_RLIMIT_VMEM_unlimited(
            String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1").program("t", (sys, argv) -> {
            long len = 256L << 20;
            int made = 0;
            int errno = 0;
            int[] kids = new int[32];
            for (int i = 0; i < 32; i++) {
                int c = sys.sprocsp((s, a, l) -> {
                    s.pause();
                    return 0;
                }, Prctl.PR_SALL | Prctl.PR_NOLIBC, 0, 0, len);
                if (c < 0) {
                    errno = sys.errno();
                    break;
                }
                kids[made++] = c;
            }
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            // Their stacks went with them: there is room again.
            int again = sys.sprocsp((s, a, l) -> 0, Prctl.PR_SALL | Prctl.PR_NOLIBC, 0, 0, len);
            boolean room = again > 0 && waitFor(sys, again) >= 0;
            Sim.puts(sys, made + " " + Errno.name(errno) + " " + room);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("7 ENOMEM true\n");
    }

    @Test
    void the_kernel_keeps_no_C_library_arena_so_PR_NOLIBC_or_not_it_admits_as_many_members() {
        // sproc(2)'s ENOSPC is the C library's ("When called with the PR_NOLIBC flag not set, in addition to the above
        // errors sproc will fail ... [ENOSPC]"), which sprocket.libc's sproc gives; the system call has no arena.
        var o = Sim.with("hw.cpus=1").program("t", (sys, argv) -> {
            int[] kids = new int[12];
            int made = 0;
            int c;
            while (made < kids.length && (c = sys.sproc((s, a, l) -> s.pause(), Prctl.PR_SALL, 0)) > 0) kids[made++] = c;
            int nolibc = sys.sproc((s, a, l) -> 0, Prctl.PR_SALL | Prctl.PR_NOLIBC, 0);
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            return made == kids.length && nolibc > 0 && Wait.WEXITSTATUS(waitFor(sys, nolibc)) == 0 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void EAGAIN_at_the_process_limit() {
        // "[EAGAIN] The system-imposed limit on the total number of processes under execution by a single user
        // {CHILD_MAX} would be exceeded."
        var o = Sim.with("hw.cpus=1", "kernel.maxusers=1").program("t", (sys, argv) -> {
            sys.setuid(100);
            int[] kids = new int[64];
            int made = 0;
            int c;
            while (made < kids.length && (c = sys.sproc((s, a, l) -> s.pause(), Prctl.PR_SALL | Prctl.PR_NOLIBC, 0)) > 0) {
                kids[made++] = c;
            }
            int errno = sys.errno();
            for (int i = 0; i < made; i++) {
                sys.kill(kids[i], Signals.SIGKILL);
                waitFor(sys, kids[i]);
            }
            Sim.puts(sys, made + " " + Errno.name(errno) + " " + sys.sysconf(sprocket.api.sys.Sysconf._SC_CHILD_MAX));
            return 0;
        }).run("t");
        // CHILD_MAX counts the caller: it and its members fill the user's share of the table.
        assertThat(o.console()).isEqualTo("20 EAGAIN 21\n");
    }

    @Test
    void EPERM_from_a_program_using_posix_threads_until_it_execs() {
        // "[EPERM] The system call is not permitted from a pthreaded program".
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.prctl(Prctl.PR_INIT_THREADS);
            boolean eperm = sys.sproc((s, a, l) -> 0, Prctl.PR_SALL, 0) == -1 && sys.errno() == Errno.EPERM;
            if (!eperm) return 1;
            // A new image is no longer a threaded program, and a former member no longer a member.
            return sys.execv("/bin/again", new String[] {"again"});
        }).program("again", (sys, argv) -> {
            int c = sys.sproc((s, a, l) -> s.execv("/bin/plain", new String[] {"plain"}), Prctl.PR_SALL, 0);
            return c > 0 ? Wait.WEXITSTATUS(waitFor(sys, c)) : 1;
        }).program("plain", (sys, argv) ->
            sys.prctl(Prctl.PR_GETSHMASK, 0) == -1 && sys.errno() == Errno.EINVAL && sys.prctl(Prctl.PR_INIT_THREADS) == 0
                    ? 0 : 2).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void the_PRDA_is_private_each_member_reads_its_own_pid_there_and_errno_is_its_own() {
        // "If the PR_SADDR bit is set in inh then the new process will share ALL the virtual space of the parent,
        // except the PRDA". "The new process has its own process data area (PRDA) which contains, among other
        // things, the process id."
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            sys.cpu().store32(Prctl.PRDA_USR, 11);
            int c = sys.sproc((s, arg, len) -> {
                s.cpu().store32(arg, s.cpu().load32(Prctl.T_PID));
                s.cpu().store32(arg + 4, s.cpu().load32(Prctl.PRDA_USR)); // a fresh PRDA: zero
                s.cpu().store32(Prctl.PRDA_USR, 22);
                // errno lives in the PRDA: the parent's failing calls at the same time do not touch ours.
                int bad = 0;
                for (int i = 0; i < 200; i++) {
                    s.close(1000);
                    if (s.errno() != Errno.EBADF) bad++;
                    s.cpu().burn(50);
                }
                return bad;
            }, Prctl.PR_SALL, cell);
            int bad = 0;
            for (int i = 0; i < 200; i++) {
                sys.rmdir("/no/such/dir");
                if (sys.errno() != Errno.ENOENT) bad++;
                sys.cpu().burn(50);
            }
            int st = waitFor(sys, c);
            Sim.puts(sys, (sys.cpu().load32(cell) == c) + " " + sys.cpu().load32(cell + 4) + " "
                    + sys.cpu().load32(Prctl.PRDA_USR) + " "
                    + (sys.cpu().load32(Prctl.T_PID) == sys.getpid()) + " " + bad + " " + Wait.WEXITSTATUS(st));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true 0 11 true 0 0\n");
    }

    @Test
    void a_signal_to_a_pid_reaches_only_that_member_and_one_to_the_group_reaches_all() {
        // "A signal sent to a specific pid in a share group will be received by only the process to which it was
        // sent. ... A signal sent to an entire process group will be received by all the members".
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            sys.setpgid(0, 0);
            sys.sigaction(Signals.SIGUSR1, Sigaction.of((hs, sig) -> { }), null);
            int[] kids = new int[2];
            for (int i = 0; i < 2; i++) {
                long mine = cell + 16 + 4L * i;
                kids[i] = sys.sproc((s, arg, len) -> {
                    s.sigaction(Signals.SIGUSR1, Sigaction.of((hs, sig) -> hs.cpu().store32(mine, hs.cpu().load32(mine) + 1)), null);
                    s.cpu().store32(mine, 0);
                    s.cpu().store32(arg + 8 + 4L * (mine == arg + 16 ? 0 : 1), 1);
                    while (s.cpu().load32(arg) == 0) s.pause();
                    return 0;
                }, Prctl.PR_SALL, cell);
            }
            while (sys.cpu().load32(cell + 8) == 0 || sys.cpu().load32(cell + 12) == 0) sys.sched_yield();
            sys.kill(kids[0], Signals.SIGUSR1); // one member
            while (sys.cpu().load32(cell + 16) < 1) sys.sched_yield();
            sys.sleep(1);
            String afterOne = sys.cpu().load32(cell + 16) + " " + sys.cpu().load32(cell + 20);
            sys.kill(-sys.getpgrp(), Signals.SIGUSR1); // the whole process group, the parent too
            while (sys.cpu().load32(cell + 16) < 2 || sys.cpu().load32(cell + 20) < 1) sys.sched_yield();
            String afterGroup = sys.cpu().load32(cell + 16) + " " + sys.cpu().load32(cell + 20);
            sys.cpu().store32(cell, 1);
            sys.kill(-sys.getpgrp(), Signals.SIGUSR1);
            waitFor(sys, kids[0]);
            waitFor(sys, kids[1]);
            Sim.puts(sys, afterOne + ", " + afterGroup);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1 0, 2 1\n");
    }

    @Test
    void exec_takes_the_process_out_of_its_share_group() {
        // Barton and Wagner: "use of the exec(2) system call removes the process from the share group before overlaying the
        // new process image".
        var o = Sim.with().program("count", (sys, argv) -> (int) sys.prctl(Prctl.PR_GETNSHARE))
                .program("t", (sys, argv) -> {
                    int c = sys.sproc((s, arg, len) -> s.execv("/bin/count", new String[] {"count"}), Prctl.PR_SALL, 0);
                    int st = waitFor(sys, c);
                    Sim.puts(sys, Wait.WEXITSTATUS(st) + " " + sys.prctl(Prctl.PR_GETNSHARE));
                    return 0;
                }).run("t");
        assertThat(o.console()).isEqualTo("0 1\n");
    }

    @Test
    void fork_by_a_member_makes_a_normal_process_with_a_copy_of_the_groups_space() {
        // Barton and Wagner: "A new process may be created outside the share group through the fork(2) system call" and "a
        // fork() or non-VM sharing sproc() call leaves any visible stack or other regions from the share group as
        // copy-on-write elements of the new process".
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            sys.cpu().store32(cell, 1);
            int m = sys.sproc((s, arg, len) -> {
                int f = s.fork(s2 -> {
                    int n = (int) s2.prctl(Prctl.PR_GETNSHARE);
                    int before = s2.cpu().load32(arg);
                    s2.cpu().store32(arg + 4, 1); // our copy only
                    s2.sleep(1);
                    return n * 100 + before * 10 + s2.cpu().load32(arg);
                });
                s.cpu().store32(arg, 2); // the group changes after the fork: the child does not see it
                return Wait.WEXITSTATUS(waitFor(s, f));
            }, Prctl.PR_SALL, cell);
            int st = waitFor(sys, m);
            Sim.puts(sys, Wait.WEXITSTATUS(st) + " " + sys.cpu().load32(cell + 4));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("11 0\n");
    }

    @Test
    void a_members_stack_goes_when_it_exits_but_the_creators_stays() {
        // "If one member of a share group exits or otherwise dies, its stack is removed from the virtual space of the
        // share group. If the process which first created the share group exits, its stack is not removed."
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                s.cpu().store64(arg, s.cpu().stackPointer());
                s.cpu().store32(s.cpu().stackPointer() - 16, 5);
                return 0;
            }, Prctl.PR_SALL, cell);
            waitFor(sys, c);
            long gone = sys.cpu().load64(cell) - 16;
            // A fork copies the group's space as it is now: touching the departed stack is a segmentation fault.
            int f = sys.fork(s -> s.cpu().load32(gone));
            int st = waitFor(sys, f);
            int[] fds = new int[2];
            sys.pipe(fds);
            long argvAt = sys.cpu().stackPointer();
            int creator = sys.fork(s -> {
                // This process makes a group and exits; its member reads the creator's stack afterwards.
                s.sproc((s2, arg, len) -> {
                    while (s2.getppid() != 1) s2.sched_yield();
                    byte[] b = {(byte) s2.cpu().load32(arg)};
                    s2.write(fds[1], b, 0, 1);
                    return 0;
                }, Prctl.PR_SALL, argvAt);
                return 0;
            });
            waitFor(sys, creator);
            sys.close(fds[1]);
            byte[] b = new byte[1];
            int n = sys.read(fds[0], b, 0, 1);
            Sim.puts(sys, Wait.WIFSIGNALED(st) + " " + Signals.name(Wait.WTERMSIG(st)) + " " + n + " " + b[0]);
            return 0;
        }).run("t", "x", "y");
        assertThat(o.console()).isEqualTo("true SIGSEGV 1 3\n");
    }

    @Test
    void PR_SETEXITSIG_signals_every_remaining_member_when_one_exits() {
        // "if the PR_SETEXITSIG option [see prctl(2)] has been enabled then all remaining members of the share group
        // will be signaled."
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int[] got = new int[1];
            sys.sigaction(Signals.SIGTERM, Sigaction.of((hs, sig) -> got[0]++), null);
            int waiter = sys.sproc((s, arg, len) -> {
                s.signal(Signals.SIGTERM, sprocket.api.sys.SignalHandler.DEFAULT);
                s.cpu().store32(arg, 1);
                s.pause();
                return 0;
            }, Prctl.PR_SALL, cell);
            while (sys.cpu().load32(cell) == 0) sys.sched_yield();
            sys.prctl(Prctl.PR_SETEXITSIG, Signals.SIGTERM);
            int quitter = sys.sproc((s, arg, len) -> 0, Prctl.PR_SALL, cell);
            int q = waitFor(sys, quitter);
            int w = waitFor(sys, waiter);
            Sim.puts(sys, Wait.WEXITSTATUS(q) + " " + Signals.name(Wait.WTERMSIG(w)) + " " + (got[0] > 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 SIGTERM true\n");
    }

    @Test
    void the_new_process_can_reference_the_parents_stack_and_sproc_uses_RLIMIT_STACK_as_len() {
        // "The new process can reference the parent's stack." "sproc is equivalent to calling sprocsp with the sp
        // argument set to NULL and the len argument set to the rlim_cur value of the resource limit RLIMIT_STACK."
        var o = Sim.with().program("t", (sys, argv) -> {
            long mine = sys.cpu().stackPointer() - 256;
            sys.cpu().store32(mine, 4321);
            Rlimit[] lim = new Rlimit[1];
            sys.getrlimit(Rlimit.RLIMIT_STACK, lim);
            long want = lim[0].cur();
            int c = sys.sproc((s, arg, len) -> s.cpu().load32(arg) == 4321 && len == want ? 0 : 1, Prctl.PR_SADDR, mine);
            Sim.puts(sys, Wait.WEXITSTATUS(waitFor(sys, c)) + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0\n");
    }

    @Test
    void an_attach_or_mmap_by_one_member_is_visible_to_all_when_the_call_returns() {
        // PR_SADDR: "If one process in a share group attaches to a shared memory segment, all processes in the group
        // can access that segment." Barton and Wagner: "by the time control is returned to the process making the VM
        // modification, all other processes in the share group will also see that modification."
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int c = sys.sproc((s, arg, len) -> {
                int id = s.shmget(sprocket.api.sys.IpcFlags.IPC_PRIVATE, 4096, sprocket.api.sys.IpcFlags.IPC_CREAT | 0600);
                long shm = s.shmat(id, 0, 0);
                s.cpu().store32(shm, 17);
                long map = s.mmap(0, 4096, sprocket.api.sys.Mman.PROT_READ | sprocket.api.sys.Mman.PROT_WRITE,
                        sprocket.api.sys.Mman.MAP_PRIVATE | sprocket.api.sys.Mman.MAP_ANONYMOUS, -1, 0);
                s.cpu().store32(map, 23);
                s.cpu().store64(arg, shm);
                s.cpu().store64(arg + 8, map);
                s.cpu().store32(arg + 16, id);
                return 0;
            }, Prctl.PR_SALL, cell);
            waitFor(sys, c);
            long shm = sys.cpu().load64(cell);
            long map = sys.cpu().load64(cell + 8);
            String seen = sys.cpu().load32(shm) + " " + sys.cpu().load32(map);
            sys.shmdt(shm);
            sys.shmctl(sys.cpu().load32(cell + 16), sprocket.api.sys.IpcFlags.IPC_RMID, null);
            Sim.puts(sys, seen);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("17 23\n");
    }

    @Test
    void the_stack_margin_keeps_later_mappings_out_while_there_is_room() {
        // "This margin is used when the system attempts to place additional stacks or other virtual spaces (e.g.
        // from mmap). The system will attempt to leave enough room such that the stack could grow to len bytes".
        var o = Sim.with().program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            long len = 1L << 20;
            int c = sys.sprocsp((s, arg, l) -> {
                s.cpu().store64(arg, s.cpu().stackPointer());
                s.blockproc(s.getpid());
                return 0;
            }, Prctl.PR_SALL, cell, 0, len);
            while (sys.prctl(Prctl.PR_ISBLOCKED, c) != 1) sys.sched_yield();
            long top = sys.cpu().load64(cell);
            boolean clear = true;
            for (int i = 0; i < 8; i++) {
                long m = sys.mmap(0, 64 * 1024, sprocket.api.sys.Mman.PROT_READ,
                        sprocket.api.sys.Mman.MAP_PRIVATE | sprocket.api.sys.Mman.MAP_ANONYMOUS, -1, 0);
                if (m + 64 * 1024 > top - len && m < top) clear = false;
            }
            sys.unblockproc(c);
            waitFor(sys, c);
            Sim.puts(sys, clear + "");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true\n");
    }

    @Test
    void proc_status_names_the_share_group_of_a_member_and_only_then() {
        var o = Sim.with().program("t", (sys, argv) -> {
            String before = status(sys, sys.getpid());
            int c = sys.sproc((s, arg, len) -> {
                s.blockproc(s.getpid());
                return 0;
            }, Prctl.PR_SALL, 0);
            while (sys.prctl(Prctl.PR_ISBLOCKED, c) != 1) sys.sched_yield();
            String child = status(sys, c);
            sys.unblockproc(c);
            waitFor(sys, c);
            Sim.puts(sys, before.contains("ShareGroup") + " " + child.contains("ShareGroup:\t" + sys.getpid() + "\n"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("false true\n");
    }

    private static String status(sprocket.api.sys.Sys sys, int pid) {
        int fd = sys.open("/proc/" + pid + "/status", sprocket.api.sys.Fcntl.O_RDONLY);
        byte[] b = new byte[1024];
        int n = sys.read(fd, b, 0, b.length);
        sys.close(fd);
        return new String(b, 0, Math.max(n, 0));
    }
}
