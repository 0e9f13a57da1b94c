package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** /proc through the kernel: the process table as the file system shows it, from fork to reap. */
class ProcFsTest {

    private static String read(Sys sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        if (fd < 0) return Errno.name(sys.errno());
        byte[] b = new byte[512];
        int n = sys.read(fd, b, 0, b.length);
        sys.close(fd);
        return n < 0 ? Errno.name(sys.errno()) : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** The pid directories /proc lists. */
    private static List<String> pids(Sys sys) {
        List<String> out = new ArrayList<>();
        int fd = sys.open("/proc", Fcntl.O_RDONLY);
        Dirent[] buf = new Dirent[3];
        for (int n; (n = sys.getdents(fd, buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (Character.isDigit(buf[i].name().charAt(0))) out.add(buf[i].name());
            }
        }
        sys.close(fd);
        return out;
    }

    /** The "State:" line's letter of /proc/PID/status. */
    private static String state(Sys sys, int pid) {
        String s = read(sys, "/proc/" + pid + "/status");
        int i = s.indexOf("State:\t");
        return i < 0 ? s : s.substring(i + 7, i + 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void children_appear_in_proc_as_they_are_forked_show_their_state_and_go_when_reaped(String hw) {
        var o = Sim.with("hw=" + hw).program("waiter", (sys, argv) -> {
            // Sleeps reading the pipe on descriptor 0 until the parent closes its end.
            return sys.read(0, new byte[1], 0, 1);
        }).program("t", (sys, argv) -> {
            int me = sys.getpid();
            List<String> before = pids(sys);
            int[] fds = new int[2];
            sys.pipe(fds);
            int[] kids = new int[2];
            for (int k = 0; k < 2; k++) {
                kids[k] = sys.fork(s -> {
                    s.dup2(fds[0], 0);
                    s.close(fds[1]);
                    return s.execv("/bin/waiter", new String[] {"waiter", "arg " + 1, "x"});
                });
            }
            sys.close(fds[0]);
            sys.sleep(1);
            List<String> during = pids(sys);
            String status = read(sys, "/proc/" + kids[0] + "/status");
            String cmdline = read(sys, "/proc/" + kids[1] + "/cmdline");
            sys.close(fds[1]);
            sys.sleep(1);
            String zombie = state(sys, kids[0]);
            int[] st = new int[1];
            sys.waitpid(kids[0], st, 0);
            List<String> after = pids(sys);
            boolean gone = sys.stat("/proc/" + kids[0]) == null && sys.errno() == Errno.ENOENT;
            sys.waitpid(kids[1], st, 0);
            Sim.puts(sys, "before " + before.contains(Integer.toString(me)) + " " + before.contains("1"));
            Sim.puts(sys, "during "
                    + during.containsAll(List.of(Integer.toString(kids[0]), Integer.toString(kids[1]))));
            Sim.puts(sys, status.replace(Integer.toString(kids[0]), "C").replace(Integer.toString(me), "P"));
            Sim.puts(sys, cmdline.replace('\0', '|'));
            Sim.puts(sys, "zombie " + zombie + " after " + after.contains(Integer.toString(kids[0])) + " "
                    + after.contains(Integer.toString(kids[1])) + " gone " + gone);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("""
                before true true
                during true
                Name:\twaiter
                State:\tS (sleeping)
                Pid:\tC
                PPid:\tP
                Uid:\t0\t0
                Gid:\t0\t0

                waiter|arg 1|x|
                zombie Z after false true gone true
                """);
    }

    @Test
    void pid_directories_are_listed_in_pid_order() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] fds = new int[2];
            sys.pipe(fds);
            int[] kids = new int[12];
            for (int k = 0; k < kids.length; k++) {
                kids[k] = sys.fork(s -> {
                    s.close(fds[1]);
                    return s.read(fds[0], new byte[1], 0, 1);
                });
            }
            List<String> listed = pids(sys);
            sys.close(fds[1]);
            for (int kid : kids) sys.waitpid(kid, new int[1], 0);
            List<Integer> asNumbers = listed.stream().map(Integer::valueOf).toList();
            Sim.puts(sys, asNumbers.equals(asNumbers.stream().sorted().toList()) + " " + asNumbers.size());
            return 0;
        }).run("t");
        // init, t and twelve children, some past pid 9 so name order would differ.
        assertThat(o.console()).isEqualTo("true 14\n");
    }

    @Test
    void self_names_the_callers_own_directory_in_parent_and_child() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int kid = sys.fork(s -> read(s, "/proc/self/status").contains("Pid:\t" + s.getpid() + "\n")
                    && s.readlink("/proc/self").equals(Integer.toString(s.getpid())) ? 0 : 1);
            int[] st = new int[1];
            sys.waitpid(kid, st, 0);
            Stat link = sys.lstat("/proc/self");
            Sim.puts(sys, sys.readlink("/proc/self").equals(Integer.toString(sys.getpid())) + " "
                    + (link.type() == FileMode.S_IFLNK) + " child " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true child 0\n");
    }

    @Test
    void proc_files_refuse_writing_and_proc_refuses_new_names_even_to_root() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int w = sys.open("/proc/self/status", Fcntl.O_WRONLY);
            int we = sys.errno();
            int c = sys.open("/proc/self/new", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644);
            int ce = sys.errno();
            int m = sys.mkdir("/proc/x", 0755);
            int me = sys.errno();
            int r = sys.rmdir("/proc");
            int re = sys.errno();
            int l = sys.link("/proc/self/status", "/tmp/s");
            int le = sys.errno();
            Sim.puts(sys, sys.getuid() + " " + w + " " + Errno.name(we) + " " + c + " " + Errno.name(ce) + " " + m + " "
                    + Errno.name(me) + " " + r + " " + Errno.name(re) + " " + l + " " + Errno.name(le));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 -1 EACCES -1 EACCES -1 EACCES -1 EBUSY -1 EXDEV\n");
    }

    @Test
    void a_process_owned_by_another_user_shows_its_ids_in_stat_and_status() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] fds = new int[2];
            sys.pipe(fds);
            int kid = sys.fork(s -> {
                s.close(fds[1]);
                s.setgid(20);
                s.setuid(100);
                return s.read(fds[0], new byte[1], 0, 1);
            });
            sys.sleep(1);
            Stat st = sys.stat("/proc/" + kid);
            String status = read(sys, "/proc/" + kid + "/status");
            sys.close(fds[1]);
            sys.waitpid(kid, new int[1], 0);
            Sim.puts(sys, st.uid() + " " + st.gid() + " " + Integer.toOctalString(st.mode() & 07777) + " "
                    + status.contains("Uid:\t100\t100\n") + " " + status.contains("Gid:\t20\t20\n"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("100 20 555 true true\n");
    }

    @Test
    void getcwd_in_a_proc_directory_and_dot_dot_back_out_of_proc() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.chdir("/proc/self");
            String cwd = sys.getcwd();
            sys.chdir("../..");
            Sim.puts(sys, cwd.equals("/proc/" + sys.getpid()) + " " + sys.getcwd());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true /\n");
    }

    @Test
    void loadavg_shows_the_runnable_threads_decayed_over_one_five_and_fifteen_minutes() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with("hw.cpus=1").program("l", (sys, argv) -> {
            seen.add(read(sys, "/proc/loadavg"));
            int minute = 60;
            for (int i = 0; i < 2; i++) {
                sys.fork(s -> {
                    for (int k = 0; k < 300; k++) s.cpu().burn(10_000_000);
                    return 0;
                });
            }
            sys.sleep(minute + 1);
            seen.add(read(sys, "/proc/loadavg"));
            while (sys.wait(new int[1]) > 0) {
                // reap
            }
            return 0;
        }).run("l");
        assertThat(o.status()).isZero();
        // proc(5): "load average figures giving the number of jobs in the run queue (state R) ... averaged over 1,
        // 5, and 15 minutes"; then runnable/existing and the last pid. Two threads runnable through twelve
        // five-second samples: 2(1 - e^-1) = 1.26, 2(1 - e^-1/5) = 0.36, 2(1 - e^-1/15) = 0.12.
        assertThat(seen).containsExactly("0.00 0.00 0.00 1/2 2\n", "1.26 0.36 0.12 3/4 4\n");
    }

    @Test
    void stat_counts_each_cpus_clock_ticks_as_user_nice_system_or_idle_time() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with("hw.cpus=2").program("s", (sys, argv) -> {
            int child = sys.fork(s -> {
                s.nice(5);
                for (int k = 0; k < 100; k++) s.cpu().burn(1_000_000);
                return 0;
            });
            for (int k = 0; k < 100; k++) sys.cpu().burn(1_000_000);
            sys.waitpid(child, new int[1], 0);
            sys.sleep(1);
            seen.add(read(sys, "/proc/stat"));
            return 0;
        }).run("s");
        assertThat(o.status()).isZero();
        // proc(5): "cpu  user nice system idle iowait ..."; "The 'cpu' line aggregates the numbers in all of the
        // other 'cpuN' lines."
        String[] lines = seen.get(0).split("\n");
        assertThat(lines).hasSize(3);
        long[][] f = new long[3][];
        for (int i = 0; i < 3; i++) {
            String[] w = lines[i].split(" +");
            assertThat(w[0]).isEqualTo(i == 0 ? "cpu" : "cpu" + (i - 1));
            assertThat(w).hasSize(11);
            f[i] = java.util.Arrays.stream(w, 1, 6).mapToLong(Long::parseLong).toArray();
        }
        for (int k = 0; k < 5; k++) assertThat(f[0][k]).isEqualTo(f[1][k] + f[2][k]);
        // Each process burned 100 million cycles, user time, one at nice 5; then both CPUs idled for a second.
        long hz = 100;
        double clockHz = o.stats().simulatedCycles() / (Double) o.stats().get("simulated_seconds");
        long burnTicks = Math.round(100_000_000L * hz / clockHz);
        assertThat(f[0][0]).isBetween(burnTicks - 2, burnTicks + 2);
        assertThat(f[0][1]).isBetween(burnTicks - 2, burnTicks + 2);
        assertThat(f[0][3]).isGreaterThanOrEqualTo(2 * hz - 4);
        assertThat(f[0][4]).isZero();
        // Every tick is counted once: the ticks add up to the CPUs' time since boot.
        long total = java.util.Arrays.stream(f[0]).sum();
        long elapsed = Math.round(o.stats().simulatedCycles() * hz / clockHz);
        assertThat(total).isBetween(2 * elapsed - 4, 2 * elapsed + 4);
    }
}
