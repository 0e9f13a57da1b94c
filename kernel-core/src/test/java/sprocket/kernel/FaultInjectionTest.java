package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Fault injection (fault.rate, fault.seed, fault.site.SITE): an allocation site told to fail fails as when its
 * resource is exhausted, with the manual's errno (SIGKILL for a faulting process), the kernel goes on with its
 * invariants intact (it checks them at the end of every run), and a seed gives the same failures every time.
 */
class FaultInjectionTest {
    private static final String ALWAYS = "1000000";

    /** Runs {@code main} as the program on {@code hw} with {@code site} failing every time. */
    private static Sim.Outcome failing(String hw, String site, java.util.function.BiFunction<Sys, String[], Integer> main) {
        return Sim.with("hw=" + hw, "fault.site." + site + "=" + ALWAYS).program("t", main).run("t");
    }

    private static String errno(Sys sys) {
        return Errno.name(sys.errno());
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_process_slot_that_fails_makes_fork_say_EAGAIN(String hw) {
        var o = failing(hw, "procs", (sys, argv) -> {
            Sim.puts(sys, sys.fork(c -> 0) + " " + errno(sys));
            Sim.puts(sys, sys.sproc((c, a, l) -> 0, 0, 0) + " " + errno(sys));
            return 0;
        });
        // fork(2): "EAGAIN The system-imposed limit on the total number of processes under execution ... would be exceeded."
        assertThat(o.console()).isEqualTo("-1 EAGAIN\n-1 EAGAIN\n");
        assertThat(o.stats().counters()).containsEntry("faults_injected", 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_descriptor_that_fails_makes_open_pipe_socket_and_dup_say_EMFILE(String hw) {
        var o = failing(hw, "descriptors", (sys, argv) -> {
            Sim.puts(sys, sys.open("/dev/null", Fcntl.O_RDONLY) + " " + errno(sys));
            Sim.puts(sys, sys.pipe(new int[2]) + " " + errno(sys));
            Sim.puts(sys, sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0) + " " + errno(sys));
            Sim.puts(sys, sys.dup(1) + " " + errno(sys));
            return 0;
        });
        // open(2): "EMFILE The process has too many open files"; dup(2), pipe(2) and socket(2) alike.
        assertThat(o.console()).isEqualTo("-1 EMFILE\n-1 EMFILE\n-1 EMFILE\n-1 EMFILE\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_file_table_entry_that_fails_makes_exec_open_pipe_and_socket_say_ENFILE(String hw) {
        // exec(2) opens the program's file first: "ENFILE The system file table is full".
        assertThat(failing(hw, "files", (sys, argv) -> 0).console()).isEqualTo("sprocket: t: ENFILE\n");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int seed = 1; seed <= 8; seed++) {
            var o = Sim.with("hw=" + hw, "fault.site.files=500000", "fault.seed=" + seed).program("t", (sys, argv) -> {
                for (int i = 0; i < 10; i++) {
                    int fd = sys.open("/dev/null", Fcntl.O_RDONLY);
                    Sim.puts(sys, "open " + (fd < 0 ? errno(sys) : "ok"));
                    if (fd >= 0) sys.close(fd);
                    int[] p = new int[2];
                    Sim.puts(sys, "pipe " + (sys.pipe(p) < 0 ? errno(sys) : "ok"));
                    if (p[1] > 0) {
                        sys.close(p[0]);
                        sys.close(p[1]);
                    }
                    int so = sys.socket(Socket.AF_UNIX, Socket.SOCK_DGRAM, 0);
                    Sim.puts(sys, "socket " + (so < 0 ? errno(sys) : "ok"));
                    if (so >= 0) sys.close(so);
                }
                return 0;
            }).run("t");
            o.console().lines().forEach(seen::add);
        }
        // open(2): "ENFILE The system file table is full"; pipe(2) and socket(2) alike.
        assertThat(seen).contains("open ENFILE", "pipe ENFILE", "socket ENFILE", "open ok", "pipe ok", "socket ok");
        assertThat(seen).isSubsetOf("open ENFILE", "pipe ENFILE", "socket ENFILE", "open ok", "pipe ok", "socket ok",
                "sprocket: t: ENFILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void an_ipc_identifier_that_fails_makes_the_get_calls_say_ENOSPC(String hw) {
        var o = failing(hw, "ipc", (sys, argv) -> {
            Sim.puts(sys, sys.semget(IpcFlags.IPC_PRIVATE, 1, 0600) + " " + errno(sys));
            Sim.puts(sys, sys.msgget(IpcFlags.IPC_PRIVATE, 0600) + " " + errno(sys));
            Sim.puts(sys, sys.shmget(IpcFlags.IPC_PRIVATE, 4096, 0600) + " " + errno(sys));
            return 0;
        });
        // semget(2): "ENOSPC A semaphore identifier is to be created but the system-imposed limit ... would be exceeded."
        assertThat(o.console()).isEqualTo("-1 ENOSPC\n-1 ENOSPC\n-1 ENOSPC\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_socket_buffer_that_fails_makes_socket_socketpair_and_connect_say_ENOBUFS(String hw) {
        var o = failing(hw, "sockbuf", (sys, argv) -> {
            Sim.puts(sys, sys.socket(Socket.AF_INET, Socket.SOCK_STREAM, 0) + " " + errno(sys));
            Sim.puts(sys, sys.socketpair(Socket.AF_UNIX, Socket.SOCK_DGRAM, 0, new int[2]) + " " + errno(sys));
            return 0;
        });
        // socket(2): "ENOBUFS Insufficient resources were available in the system to perform the operation."
        assertThat(o.console()).isEqualTo("-1 ENOBUFS\n-1 ENOBUFS\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_pipe_buffer_that_fails_makes_pipe_and_a_fifo_open_say_ENFILE(String hw) {
        var o = failing(hw, "pipebuf", (sys, argv) -> {
            Sim.puts(sys, sys.pipe(new int[2]) + " " + errno(sys));
            sys.mkfifo("/tmp/f", 0600);
            Sim.puts(sys, sys.open("/tmp/f", Fcntl.O_RDWR) + " " + errno(sys));
            return 0;
        });
        assertThat(o.console()).isEqualTo("-1 ENFILE\n-1 ENFILE\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void with_no_frame_or_page_table_to_be_had_exec_says_ENOMEM(String hw) {
        for (String site : new String[] {"frames", "pagetables"}) {
            var o = Sim.with("hw=" + hw, "fault.site." + site + "=" + ALWAYS).program("t", (sys, argv) -> 0).run("t");
            // exec(2): "ENOMEM The new process requires more memory than is allowed by the system-imposed maximum."
            assertThat(o.console()).as(site).isEqualTo("sprocket: t: ENOMEM\n");
            assertThat(o.status()).isEqualTo(126);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_process_whose_page_cannot_get_a_frame_dies_of_SIGKILL_and_nothing_else_goes_wrong(String hw) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int seed = 1; seed <= 12; seed++) {
            var o = Sim.with("hw=" + hw, "fault.site.frames=60000", "fault.seed=" + seed).program("t", (sys, argv) -> {
                int[] st = new int[1];
                for (int i = 0; i < 4; i++) {
                    int pid = sys.fork(c -> {
                        long a = c.mmap(0, 64 * 4096, Mman.PROT_READ | Mman.PROT_WRITE,
                                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
                        if (a == Mman.MAP_FAILED) return 1;
                        for (int k = 0; k < 64; k++) c.cpu().store32(a + 4096L * k, k);
                        return 0;
                    });
                    if (pid < 0) {
                        Sim.puts(sys, "fork " + errno(sys));
                        continue;
                    }
                    sys.waitpid(pid, st, 0);
                    Sim.puts(sys, Wait.WIFSIGNALED(st[0]) ? "killed by " + Wait.WTERMSIG(st[0])
                            : "exit " + Wait.WEXITSTATUS(st[0]));
                }
                return 0;
            }).run("t");
            o.console().lines().forEach(seen::add);
        }
        // A page fault the memory manager cannot give a frame is SIGKILL (IRIX: "killed: out of memory"), no other.
        assertThat(seen).contains("killed by " + Signals.SIGKILL);
        assertThat(seen).isSubsetOf("killed by " + Signals.SIGKILL, "exit 0", "exit 1", "fork EAGAIN", "fork ENOMEM",
                "sprocket: t: ENOMEM");
    }

    /** A busy mixed workload, each allocation failing now and then. */
    private static int busy(Sys sys, String[] argv) {
        for (int i = 0; i < 12; i++) {
            int n = i;
            sys.fork(s -> {
                int[] p = new int[2];
                if (s.pipe(p) == 0) {
                    s.write(p[1], new byte[100], 0, 100);
                    s.close(p[0]);
                    s.close(p[1]);
                }
                long a = s.sbrk(16384);
                if (a != -1) for (int k = 0; k < 4; k++) s.cpu().store32(a + 4096L * k, k);
                int q = s.msgget(IpcFlags.IPC_PRIVATE, 0600);
                if (q >= 0) s.msgctl(q, IpcFlags.IPC_RMID, null);
                int[] sv = new int[2];
                if (s.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv) == 0) {
                    s.close(sv[0]);
                    s.close(sv[1]);
                }
                int c = s.fork(g -> n);
                if (c > 0) s.waitpid(c, new int[1], 0);
                return n;
            });
        }
        while (sys.wait(new int[1]) > 0 || sys.errno() == Errno.EINTR) {
            // reap them all
        }
        return 0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void at_a_rate_every_site_fails_now_and_then_the_run_ends_clean_and_a_seed_repeats_exactly(String hw) {
        String[] settings = {"hw=" + hw, "hw.cpus=2", "fault.rate=150000", "fault.seed=7"};
        var a = Sim.with(settings).program("w", FaultInjectionTest::busy).run("w");
        var b = Sim.with(settings).program("w", FaultInjectionTest::busy).run("w");
        assertThat(a.stats().counters().get("faults_injected")).isPositive();
        assertThat(b.stats().toJson()).isEqualTo(a.stats().toJson());
        var other = Sim.with("hw=" + hw, "hw.cpus=2", "fault.rate=150000", "fault.seed=8").program("w",
                FaultInjectionTest::busy).run("w");
        assertThat(other.stats().get("trace_digest")).isNotEqualTo(a.stats().get("trace_digest"));
    }

    @Test
    void without_a_rate_nothing_is_injected_and_no_counter_appears() {
        var o = Sim.with().program("w", FaultInjectionTest::busy).run("w");
        assertThat(o.stats().counters()).doesNotContainKey("faults_injected");
    }
}
