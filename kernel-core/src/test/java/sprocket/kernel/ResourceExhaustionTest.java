package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;

/**
 * What an ordinary user can exhaust ends in the manual's errno and the kernel goes on, its invariants intact (the
 * kernel checks them at the end of every run and panics otherwise). fork(2): "EAGAIN ... Amount of system memory
 * required is temporarily unavailable"; sproc(2) likewise, or ENOMEM.
 */
class ResourceExhaustionTest {

    /** Makes children with {@code make} until refused; returns the errno, having killed and reaped them all. */
    private static int untilRefused(Sys sys, java.util.function.IntSupplier make) {
        List<Integer> children = new ArrayList<>();
        int errno;
        while (true) {
            int pid = make.getAsInt();
            if (pid < 0) {
                errno = sys.errno();
                break;
            }
            children.add(pid);
            if (children.size() > 5_000) return -1; // the memory never ran out: the test's premise is wrong
        }
        for (int pid : children) sys.kill(pid, Signals.SIGKILL);
        for (int i = 0; i < children.size(); i++) sys.wait(new int[1]);
        return errno;
    }

    @ParameterizedTest
    @CsvSource({"r2000, fork", "x86mps, fork", "r2000, sproc", "x86mps, sproc", "r2000, sproc-saddr",
        "x86mps, sproc-saddr"})
    void an_ordinary_user_making_processes_until_refused_gets_EAGAIN_or_ENOMEM_and_the_kernel_goes_on(String hw,
            String how) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "hw.memory=4M", "kernel.maxusers=16")
                .program("t", (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    int errno = untilRefused(sys, () -> switch (how) {
                        case "fork" -> sys.fork(c -> {
                            c.pause();
                            return 0;
                        });
                        case "sproc" -> sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_NOLIBC, 0);
                        default -> sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_SADDR | Prctl.PR_NOLIBC, 0);
                    });
                    // After the others are gone there is room again: the kernel is still in business.
                    int again = sys.fork(c -> 7);
                    int[] st = new int[1];
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return errno;
                }).run("t");
        assertThat(o.status()).as(o.console()).isIn(Errno.EAGAIN, Errno.ENOMEM);
    }

    /**
     * configs/linux-x86mps.conf's memory and process table (64M, maxusers 32: 522 slots, 517 for one user). On x86 MPS
     * the page-table pool (512 frames, a directory and its tables for each process) runs out first, which once
     * panicked the kernel on the exit path of the process that could not get its page table: now the call fails with
     * ENOMEM ("not enough memory", fork(2) and sproc(2)); on the R2000, with no such pool, the user's share of the
     * process table does, with EAGAIN. Either way the kernel goes on and its end-of-run checks pass.
     */
    @ParameterizedTest
    @CsvSource({"r2000, fork, 11", "x86mps, fork, 12", "r2000, sproc, 11", "x86mps, sproc, 12"})
    void making_processes_until_refused_on_the_linux_x86mps_configuration_ends_in_EAGAIN_or_ENOMEM(String hw,
            String how, int errno) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2", "hw.memory=64M", "kernel.maxusers=32")
                .program("t", (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    int[] made = new int[1];
                    int refused = untilRefused(sys, () -> {
                        int pid = how.equals("fork") ? sys.fork(c -> {
                            c.pause();
                            return 0;
                        }) : sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_NOLIBC, 0);
                        if (pid > 0) made[0]++;
                        return pid;
                    });
                    Sim.puts(sys, Integer.toString(made[0]));
                    int again = sys.fork(c -> 7);
                    int[] st = new int[1];
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return refused;
                }).run("t");
        assertThat(o.status()).as(o.console()).isEqualTo(errno);
    }

    /**
     * Memory: an ordinary user's process that stores into more anonymous memory than the machine has frames either is
     * refused the mapping (mmap(2): "ENOMEM ... there is insufficient room in the address space") or, at the fault
     * that finds no frame, is killed with SIGKILL; the kernel and its other processes go on.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void storing_into_more_memory_than_the_machine_has_ends_in_ENOMEM_or_SIGKILL_and_the_kernel_goes_on(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "hw.memory=4M").program("t", (sys, argv) -> {
            if (sys.setuid(100) != 0) return 100;
            int hog = sys.fork(c -> {
                long len = 16L << 20;
                long at = c.mmap(0, len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANON, -1, 0);
                if (at == -1) return c.errno();
                for (long a = at; a < at + len; a += 4096) c.cpu().store32(a, 1);
                return 0;
            });
            int[] st = new int[1];
            sys.waitpid(hog, st, 0);
            String how = Wait.WIFSIGNALED(st[0]) ? Signals.name(Wait.WTERMSIG(st[0]))
                    : Errno.name(Wait.WEXITSTATUS(st[0]));
            int again = sys.fork(c -> 7);
            boolean room = again > 0 && sys.waitpid(again, st, 0) == again && Wait.WEXITSTATUS(st[0]) == 7;
            Sim.puts(sys, how + " " + room);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isIn("SIGKILL true\n", "ENOMEM true\n");
    }

    /** open(2): "EMFILE OPEN_MAX file descriptors are currently open in the calling process." */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void descriptors_end_in_EMFILE_at_RLIMIT_NOFILE_and_a_closed_one_is_there_again(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1").program("t", (sys, argv) -> {
            if (sys.setuid(100) != 0) return 100;
            int last = -1;
            int fd;
            while ((fd = sys.open("/dev/null", Fcntl.O_RDONLY, 0)) >= 0) last = fd;
            boolean emfile = sys.errno() == Errno.EMFILE;
            sys.close(last);
            boolean again = sys.open("/dev/null", Fcntl.O_RDONLY, 0) == last;
            Sim.puts(sys, emfile + " " + (last + 1 == sys.sysconf(Sysconf._SC_OPEN_MAX)) + " " + again);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true\n");
    }

    /**
     * The System V identifiers: msgget(2), semget(2) and shmget(2) "ENOSPC ... the system-imposed limit on the maximum
     * number of allowed ... identifiers system wide would be exceeded"; one removed makes room for one more.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void ipc_identifiers_end_in_ENOSPC_and_a_removed_one_makes_room(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "ipc.msgmni=4", "ipc.semmni=4", "ipc.shmmni=4").program("t",
                (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    StringBuilder out = new StringBuilder();
                    for (SystemVObject kind : SystemVObject.values()) {
                        List<Integer> ids = new ArrayList<>();
                        int id;
                        while ((id = kind.get(sys, IpcFlags.IPC_PRIVATE, 0600)) >= 0 && ids.size() < 100) ids.add(id);
                        String errno = Errno.name(sys.errno());
                        boolean removed = kind.rmid(sys, ids.get(0)) == 0;
                        int more = kind.get(sys, IpcFlags.IPC_PRIVATE, 0600);
                        out.append(ids.size()).append(' ').append(errno).append(' ').append(removed && more >= 0)
                                .append(';');
                        // What is left the kernel removes at the end of the run, as a shutdown does.
                    }
                    Sim.puts(sys, out.toString());
                    return 0;
                }).run("t");
        assertThat(o.console()).isEqualTo("4 ENOSPC true;4 ENOSPC true;4 ENOSPC true;\n");
    }

    /**
     * The bytes behind them: msgsnd(2) "EAGAIN ... (msgflg & IPC_NOWAIT) is true" once the queue holds msg_qbytes;
     * semget(2) "ENOSPC ... the system-wide limit on the number of semaphores would be exceeded"; shmget(2) "EINVAL
     * size is ... greater than the system-imposed maximum".
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void ipc_bytes_and_semaphores_end_in_EAGAIN_ENOSPC_and_EINVAL(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "ipc.msgmnb=4096", "ipc.semmns=8", "ipc.shmmax=1M").program("t",
                (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    int q = sys.msgget(IpcFlags.IPC_PRIVATE, 0600);
                    int sent = 0;
                    while (sys.msgsnd(q, 1, new byte[512], 512, IpcFlags.IPC_NOWAIT) == 0) sent++;
                    String full = Errno.name(sys.errno());
                    boolean drained = sys.msgrcv(q, new long[1], new byte[512], 512, 0, 0) == 512
                            && sys.msgsnd(q, 1, new byte[512], 512, IpcFlags.IPC_NOWAIT) == 0;
                    int sems = sys.semget(IpcFlags.IPC_PRIVATE, 6, 0600);
                    boolean tooMany = sys.semget(IpcFlags.IPC_PRIVATE, 3, 0600) == -1 && sys.errno() == Errno.ENOSPC;
                    boolean fits = sys.semget(IpcFlags.IPC_PRIVATE, 2, 0600) >= 0;
                    boolean tooBig = sys.shmget(IpcFlags.IPC_PRIVATE, 2L << 20, 0600) == -1
                            && sys.errno() == Errno.EINVAL;
                    Sim.puts(sys, sent + " " + full + " " + drained + " " + (sems >= 0) + " " + tooMany + " " + fits
                            + " " + tooBig);
                    return 0;
                }).run("t");
        assertThat(o.console()).isEqualTo("8 EAGAIN true true true true true\n");
    }

    /**
     * Pipe and socket buffers: a non-blocking write to a full one fails with EAGAIN (write(2): "EAGAIN ... O_NONBLOCK
     * is set and ... the pipe is full"; send(2) "EWOULDBLOCK The socket is marked non-blocking and the requested
     * operation would block"), and what the reader takes makes room again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void full_pipe_and_socket_buffers_end_in_EAGAIN_and_reading_makes_room(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1").program("t", (sys, argv) -> {
            if (sys.setuid(100) != 0) return 100;
            int[] p = new int[2];
            int[] sv = new int[2];
            sys.pipe(p);
            sys.socketpair(Socket.AF_UNIX, Socket.SOCK_STREAM, 0, sv);
            StringBuilder out = new StringBuilder();
            for (int[] ends : new int[][] {p, sv}) {
                sys.fcntl(ends[1], Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
                byte[] chunk = new byte[1024];
                long held = 0;
                int n;
                while ((n = sys.write(ends[1], chunk, 0, chunk.length)) > 0) held += n;
                String errno = Errno.name(sys.errno());
                boolean room = sys.read(ends[0], chunk, 0, chunk.length) == chunk.length
                        && sys.write(ends[1], chunk, 0, 1) == 1;
                out.append(held > 0 && held < (64L << 20)).append(' ').append(errno).append(' ').append(room).append(';');
            }
            Sim.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true EAGAIN true;true EAGAIN true;\n");
    }

    /**
     * Page tables taken at fault time: processes that each touch memory 4 MiB apart need a page table for every touch,
     * and on x86 MPS the pool (48 frames on a 4M machine) runs out at a page fault, not at fork. The process whose
     * fault finds no page table is killed with SIGKILL, as one that finds no frame is; the others and the kernel go on.
     */
    @ParameterizedTest
    @CsvSource({"r2000, SIGTERM SIGTERM SIGTERM SIGTERM SIGTERM SIGTERM SIGTERM SIGTERM",
        "x86mps, SIGTERM SIGTERM SIGKILL SIGKILL SIGKILL SIGKILL SIGKILL SIGKILL"})
    void page_tables_used_up_at_page_faults_end_in_SIGKILL_for_the_faulting_process_and_the_kernel_goes_on(String hw,
            String ends) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "hw.memory=4M").program("t", (sys, argv) -> {
            if (sys.setuid(100) != 0) return 100;
            List<Integer> spreaders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int pid = sys.fork(c -> {
                    // One page in each of 16 page tables' reach (4 MiB), above the program's own.
                    for (long a = 0x40000000L; a < 0x44000000L; a += 4L << 20) {
                        long at = c.mmap(a, 4096, Mman.PROT_READ | Mman.PROT_WRITE,
                                Mman.MAP_PRIVATE | Mman.MAP_ANON | Mman.MAP_FIXED, -1, 0);
                        if (at == -1) return c.errno();
                        c.cpu().store32(at, 1);
                    }
                    c.pause();
                    return 0;
                });
                if (pid > 0) spreaders.add(pid);
                else return 102;
                while ("SZ".indexOf(Sim.state(sys, pid)) < 0) sys.sched_yield(); // paused, or killed at a fault
            }
            StringBuilder out = new StringBuilder();
            for (int pid : spreaders) {
                sys.kill(pid, Signals.SIGTERM);
                int[] st = new int[1];
                sys.waitpid(pid, st, 0);
                out.append(Wait.WIFSIGNALED(st[0]) ? Signals.name(Wait.WTERMSIG(st[0]))
                        : Errno.name(Wait.WEXITSTATUS(st[0]))).append(' ');
            }
            int again = sys.fork(c -> 7);
            int[] st = new int[1];
            boolean room = again > 0 && sys.waitpid(again, st, 0) == again && Wait.WEXITSTATUS(st[0]) == 7;
            Sim.puts(sys, out.toString() + room);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        // The R2000 has no fixed pool of page-table frames to run out of; on x86 MPS
        // two processes fill the pool, and each later one dies at the touch that needs a table.
        assertThat(o.console()).isEqualTo(ends + " true\n");
    }
}
