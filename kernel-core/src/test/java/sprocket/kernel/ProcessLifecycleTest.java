package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Wait.WEXITSTATUS;
import static sprocket.api.sys.Wait.WIFEXITED;
import static sprocket.api.sys.Wait.WIFSIGNALED;
import static sprocket.api.sys.Wait.WNOHANG;
import static sprocket.api.sys.Wait.WTERMSIG;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

/** fork(2), exec(2), exit(2) and wait(2) as the Unix process notes (the CS 332 notes "Unix Process API") and the manual pages give them. */
class ProcessLifecycleTest {

    @Test
    void fork_returns_the_child_pid_to_the_parent_and_the_child_runs_with_its_own_pid() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int me = sys.getpid();
            int child = sys.fork(s -> {
                Sim.puts(s, "child " + s.getpid() + " of " + s.getppid());
                return 3;
            });
            int[] st = new int[1];
            int reaped = sys.waitpid(child, st, 0);
            Sim.puts(sys, "parent " + me + " forked " + child + " reaped " + reaped + " status " + WEXITSTATUS(st[0]));
            return child != me && reaped == child && WIFEXITED(st[0]) ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.console()).contains("child 3 of 2").contains("parent 2 forked 3 reaped 3 status 3");
    }

    @Test
    void wait_with_no_children_fails_with_ECHILD_and_WNOHANG_returns_zero_while_the_child_runs() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] st = new int[1];
            // wait(2): "ECHILD: The calling process has no existing unwaited-for child processes."
            if (sys.wait(st) != -1 || sys.errno() != Errno.ECHILD) return 1;
            int c = sys.fork(s -> {
                s.cpu().burn(100_000);
                return 0;
            });
            if (sys.waitpid(c, st, WNOHANG) != 0) return 2;
            return sys.waitpid(c, st, 0) == c ? 0 : 3;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void an_exited_child_stays_a_zombie_until_its_parent_waits_for_it() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int c = sys.fork(s -> 0);
            sys.sleep(1);
            // The zombie still holds its pid: kill(pid, 0) finds it.
            if (sys.kill(c, 0) != 0) return 1;
            if (sys.waitpid(c, new int[1], 0) != c) return 2;
            return sys.kill(c, 0) == -1 && sys.errno() == Errno.ESRCH ? 0 : 3;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void orphans_are_reparented_to_init() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] pipe = new int[2];
            sys.pipe(pipe);
            int c = sys.fork(s -> {
                s.fork(g -> {
                    g.sleep(1);
                    Sim.puts(g, "grandchild's parent is " + g.getppid());
                    return 0;
                });
                return 0;
            });
            sys.waitpid(c, new int[1], 0);
            sys.sleep(2);
            return 0;
        }).run("t");
        assertThat(o.console()).contains("grandchild's parent is 1");
    }

    @Test
    void the_parent_gets_SIGCHLD_when_a_child_dies() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] got = new int[1];
            sys.signal(Signals.SIGCHLD, (s, sig) -> got[0]++);
            int c = sys.fork(s -> 0);
            sys.sleep(1);
            sys.waitpid(c, new int[1], 0);
            return got[0] == 1 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_child_killed_by_a_signal_is_reported_with_that_signal() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int c = sys.fork(s -> {
                s.pause();
                return 0;
            });
            sys.sleep(1);
            sys.kill(c, Signals.SIGTERM);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return WIFSIGNALED(st[0]) && WTERMSIG(st[0]) == Signals.SIGTERM ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void exec_replaces_the_image_and_passes_argv() {
        var o = Sim.with()
                .program("echoargs", (sys, argv) -> {
                    Sim.puts(sys, String.join(" ", argv));
                    return 7;
                })
                .program("t", (sys, argv) -> {
                    sys.execv("/bin/echoargs", new String[] {"echoargs", "a", "b"});
                    return 99;
                }).run("t");
        assertThat(o.console()).isEqualTo("echoargs a b\n");
        assertThat(o.status()).isEqualTo(7);
    }

    @Test
    void exec_of_a_missing_file_fails_with_ENOENT_and_of_a_non_program_with_ENOEXEC() {
        var o = Sim.with().program("t", (sys, argv) -> {
            if (sys.execv("/bin/nonesuch", new String[] {"x"}) != -1 || sys.errno() != Errno.ENOENT) return 1;
            int fd = sys.open("/tmp/script", sprocket.api.sys.Fcntl.O_CREAT | sprocket.api.sys.Fcntl.O_WRONLY, 0755);
            sys.write(fd, "echo hi\n".getBytes(), 0, 8);
            sys.close(fd);
            return sys.execv("/tmp/script", new String[] {"x"}) == -1 && sys.errno() == Errno.ENOEXEC ? 0 : 2;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void exec_of_a_script_runs_its_interpreter_with_the_argument_the_script_path_and_the_rest_of_argv() {
        // execve(2): "An interpreter file begins with a line of the form #! pathname [arg] ... the pathname and
        // the optional arg are prepended to the argument list, followed by the path of the file".
        var o = Sim.with()
                .program("echoargs", (sys, argv) -> {
                    Sim.puts(sys, String.join("|", argv));
                    return 3;
                })
                .program("t", (sys, argv) -> {
                    Sim.write(sys, "/tmp/s1", "#!/bin/echoargs -x\nignored\n");
                    Sim.write(sys, "/tmp/s2", "#!  /bin/echoargs  \n");
                    sys.chmod("/tmp/s1", 0755);
                    sys.chmod("/tmp/s2", 0755);
                    if (sys.fork(c -> c.execv("/tmp/s2", new String[] {"s2", "a"})) < 0) return 1;
                    sys.wait(new int[1]);
                    sys.execv("/tmp/s1", new String[] {"s1", "a", "b"});
                    return 99;
                }).run("t");
        assertThat(o.console()).isEqualTo("/bin/echoargs|/tmp/s2|a\n/bin/echoargs|-x|/tmp/s1|a|b\n");
        assertThat(o.status()).isEqualTo(3);
    }

    @Test
    void a_script_whose_interpreter_is_missing_or_a_script_itself_cannot_be_run() {
        var o = Sim.with().program("t", (sys, argv) -> {
            Sim.write(sys, "/tmp/a", "#!/bin/nonesuch\n");
            Sim.write(sys, "/tmp/b", "#!/tmp/a\n");
            Sim.write(sys, "/tmp/c", "#!/bin/true\n");
            sys.chmod("/tmp/a", 0755);
            sys.chmod("/tmp/b", 0755);
            if (sys.execv("/tmp/a", new String[] {"a"}) != -1 || sys.errno() != Errno.ENOENT) return 1;
            if (sys.execv("/tmp/b", new String[] {"b"}) != -1 || sys.errno() != Errno.ENOEXEC) return 2;
            // The script itself must be executable: /tmp/c is 0666 less the umask.
            if (sys.execv("/tmp/c", new String[] {"c"}) != -1 || sys.errno() != Errno.EACCES) return 3;
            return 0;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void exec_refuses_a_null_argument_with_EFAULT_and_an_empty_argument_vector_with_EINVAL() {
        var o = Sim.with().program("t", (sys, argv) -> {
            if (sys.execve("/bin/t", new String[] {"t", null}, new String[0]) != -1 || sys.errno() != Errno.EFAULT) {
                return 1;
            }
            if (sys.execve("/bin/t", new String[] {"t"}, new String[] {null}) != -1 || sys.errno() != Errno.EFAULT) {
                return 2;
            }
            if (sys.execve("/bin/t", new String[0], new String[0]) != -1 || sys.errno() != Errno.EINVAL) return 3;
            return 0;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_process_group_whose_only_member_is_a_zombie_still_exists_for_setpgid() {
        // setpgid(2): EPERM "if pgid ... does not match the process group ID of an existing process in the same
        // session"; a zombie exists until it is reaped, and kill(2) counts it as the group's member.
        var o = Sim.with().program("t", (sys, argv) -> {
            int leader = sys.fork(c -> 0);
            if (sys.setpgid(leader, leader) != 0) return 1;
            sys.nanosleep(10_000_000); // the leader exits and stays a zombie: nobody waits yet
            int other = sys.fork(c -> {
                c.pause();
                return 0;
            });
            int r = sys.setpgid(other, leader);
            int e = sys.errno();
            sys.kill(other, sprocket.api.Signals.SIGKILL);
            sys.wait(new int[1]);
            sys.wait(new int[1]);
            return r == 0 ? 0 : 10 + e;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_missing_program_exits_127_as_a_shell_would() {
        var o = Sim.with().run("no-such-program");
        assertThat(o.status()).isEqualTo(127);
        assertThat(o.console()).contains("no-such-program: ENOENT"); // the kernel has no strerror: the errno's name
    }

    @Test
    void descriptors_are_inherited_across_fork_and_the_pipe_reads_eof_after_the_last_writer_exits() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] p = new int[2];
            sys.pipe(p);
            sys.fork(s -> {
                s.close(p[0]);
                byte[] m = "from child".getBytes();
                s.write(p[1], m, 0, m.length);
                return 0;
            });
            sys.close(p[1]);
            byte[] buf = new byte[64];
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = sys.read(p[0], buf, 0, buf.length)) > 0) got.append(new String(buf, 0, n));
            Sim.puts(sys, got + " then " + n);
            sys.wait(new int[1]);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("from child then 0\n");
    }

    @Test
    void memory_written_by_the_child_after_fork_is_not_seen_by_the_parent() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long a = sys.sbrk(4096);
            sys.cpu().store32(a, 1);
            int c = sys.fork(s -> {
                s.cpu().store32(a, 2);
                return s.cpu().load32(a);
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return WEXITSTATUS(st[0]) == 2 && sys.cpu().load32(a) == 1 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.stats().counters()).containsKey("cow_copies");
    }

    @Test
    void a_store_to_an_unmapped_address_kills_with_SIGSEGV_and_a_core() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int c = sys.fork(s -> {
                s.cpu().store32(0x1000, 1);
                return 0;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return WTERMSIG(st[0]) == Signals.SIGSEGV && sprocket.api.sys.Wait.WCOREDUMP(st[0]) ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_process_that_moves_itself_off_its_cpu_carries_on_elsewhere() {
        var o = Sim.with("hw.cpus=4", "kernel.lock=fine").program("t", (sys, argv) -> {
            for (int cpu = 3; cpu >= 0; cpu--) {
                // sched_setaffinity(2) on oneself, excluding the CPU it runs on: it must move, holding no lock.
                if (sys.sched_setaffinity(0, 1L << cpu) != 0) return 1;
                sys.cpu().burn(1_000);
            }
            return sys.sched_getaffinity(0) == 1 ? 0 : 2;
        }).run("t");
        assertThat(o.status()).isZero();
    }
}
