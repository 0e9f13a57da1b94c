package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Virtual memory as programs see it, on both machines: copy-on-write fork, shared anonymous mappings, munmap,
 * EFAULT, and the machines' different TLB behaviour for the same program. Every run also ends with the kernel's
 * invariant check: every frame free again.
 */
class VirtualMemoryTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    private static int exitOf(Sys sys, int pid) {
        int[] st = new int[1];
        sys.waitpid(pid, st, 0);
        return Wait.WIFEXITED(st[0]) ? Wait.WEXITSTATUS(st[0]) : 128 + Wait.WTERMSIG(st[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void after_fork_neither_side_sees_the_others_writes_to_private_memory(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            long a = sys.mmap(0, 8192, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            sys.cpu().store64(a, 1);
            sys.cpu().store64(a + 4096, 1);
            int[] p = new int[2];
            sys.pipe(p);
            int c = sys.fork(s -> {
                s.cpu().store64(a, 2);
                s.read(p[0], new byte[1], 0, 1);
                // The parent wrote its second page meanwhile; the child still sees the value from before fork.
                return s.cpu().load64(a) == 2 && s.cpu().load64(a + 4096) == 1 ? 0 : 1;
            });
            sys.cpu().store64(a + 4096, 3);
            sys.write(p[1], new byte[1], 0, 1);
            int child = exitOf(sys, c);
            return child == 0 && sys.cpu().load64(a) == 1 && sys.cpu().load64(a + 4096) == 3 ? 0 : 10 + child;
        }).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.stats().counters().get("cow_copies")).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_shared_anonymous_mapping_is_seen_both_ways_across_fork(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            long a = sys.mmap(0, 4096, RW, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
            int c = sys.fork(s -> {
                s.cpu().store64(a, 7);
                while (s.cpu().load64(a + 8) != 9) s.sched_yield();
                return 0;
            });
            while (sys.cpu().load64(a) != 7) sys.sched_yield();
            sys.cpu().store64(a + 8, 9);
            return exitOf(sys, c);
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_load_after_munmap_delivers_SIGSEGV() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long a = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            sys.cpu().store64(a, 1);
            int c = sys.fork(s -> {
                s.munmap(a, 4096);
                s.cpu().load64(a);
                return 0;
            });
            return exitOf(sys, c) == 128 + Signals.SIGSEGV && sys.cpu().load64(a) == 1 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_write_to_a_page_made_read_only_by_mprotect_delivers_SIGSEGV() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long a = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            int c = sys.fork(s -> {
                s.mprotect(a, 4096, Mman.PROT_READ);
                s.cpu().load64(a);
                s.cpu().store64(a, 1);
                return 0;
            });
            return exitOf(sys, c) == 128 + Signals.SIGSEGV ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void mmap_refuses_bad_arguments_as_the_manual_says() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int a = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
            // mmap(2): "EINVAL: the arguments addr (if MAP_FIXED was specified) or off are not multiples of the
            // page size, or len is zero"; and exactly one of MAP_SHARED or MAP_PRIVATE.
            boolean zero = sys.mmap(0, 0, RW, a, -1, 0) == -1 && sys.errno() == Errno.EINVAL;
            boolean unaligned = sys.mmap(0x10001, 4096, RW, a | Mman.MAP_FIXED, -1, 0) == -1
                    && sys.errno() == Errno.EINVAL;
            boolean neither = sys.mmap(0, 4096, RW, Mman.MAP_ANONYMOUS, -1, 0) == -1 && sys.errno() == Errno.EINVAL;
            boolean badFd = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE, 42, 0) == -1 && sys.errno() == Errno.EBADF;
            boolean huge = sys.mmap(0, 1L << 31, RW, a, -1, 0) == -1 && sys.errno() == Errno.ENOMEM;
            return zero && unaligned && neither && badFd && huge ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_bad_buffer_gets_EFAULT_and_changes_nothing() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int[] p = new int[2];
            sys.pipe(p);
            // write(2): "EFAULT: buf points outside the allocated address space."
            boolean w = sys.write(p[1], 0x1000L, 16) == -1 && sys.errno() == Errno.EFAULT;
            long ro = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            byte[] msg = "data".getBytes();
            sys.write(p[1], msg, 0, msg.length);
            // read(2) into a read-only page: EFAULT, and the bytes stay in the pipe.
            boolean r = sys.read(p[0], ro, 4) == -1 && sys.errno() == Errno.EFAULT;
            byte[] back = new byte[8];
            int n = sys.read(p[0], back, 0, back.length);
            return w && r && n == 4 && new String(back, 0, n).equals("data") ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_write_through_an_address_buffer_reaches_the_file() {
        var o = Sim.with().program("t", (sys, argv) -> {
            long a = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            byte[] msg = "through memory\n".getBytes();
            for (int i = 0; i < msg.length; i++) sys.cpu().store8(a + i, msg[i]);
            return sys.write(Fcntl.STDOUT_FILENO, a, msg.length) == msg.length ? 0 : 1;
        }).run("t");
        assertThat(o.console()).isEqualTo("through memory\n");
    }

    /** Two processes take turns on one CPU, each sweeping the same 16 pages of its own. */
    private static int pingPong(Sys sys, String[] argv) {
        int c = sys.fork(s -> sweep(s));
        int r = sweep(sys);
        return exitOf(sys, c) == 0 && r == 0 ? 0 : 1;
    }

    private static int sweep(Sys sys) {
        long a = sys.mmap(0, 16 * 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 16; i++) sys.cpu().store64(a + 4096L * i, round + i);
            sys.sched_yield();
        }
        for (int i = 0; i < 16; i++) {
            if (sys.cpu().load64(a + 4096L * i) != 49 + i) return 1;
        }
        return 0;
    }

    @Test
    void the_r2000_keeps_tlb_entries_across_switches_while_x86_refills_after_each_cr3_reload() {
        var mips = Sim.with("hw=r2000", "hw.cpus=1").program("t", VirtualMemoryTest::pingPong).run("t");
        var x86 = Sim.with("hw=x86mps", "hw.cpus=1").program("t", VirtualMemoryTest::pingPong).run("t");
        assertThat(mips.status()).isZero();
        assertThat(x86.status()).isZero();
        assertThat(mips.console()).isEqualTo(x86.console());
        long mipsMisses = (Long) mips.stats().get("tlb_misses");
        long x86Misses = (Long) x86.stats().get("tlb_misses");
        // ASIDs: after the first sweep each process's 16 pages stay in the 64-entry TLB across every switch.
        assertThat(mipsMisses).isLessThan(200);
        // No ASIDs or PCIDs: every switch reloads CR3, flushes, and the next sweep misses on all 16 pages again.
        assertThat(x86Misses).isGreaterThan(100 * 16);
        assertThat(x86.stats().counters().get("tlb_flushes")).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void out_of_memory_kills_the_faulting_process_and_fails_calls_with_ENOMEM_while_the_kernel_goes_on(String hw) {
        var o = Sim.with("hw=" + hw, "hw.memory=4M").program("t", (sys, argv) -> {
            // sbrk(2), mmap(2): ENOMEM before taking anything when the frames are not there.
            boolean sbrk = sys.sbrk(64L << 20) == -1 && sys.errno() == Errno.ENOMEM;
            boolean mmap = sys.mmap(0, 64L << 20, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0) == -1
                    && sys.errno() == Errno.ENOMEM;
            // Two processes each get a mapping that fits in what is free, but not both: the faults run out.
            int[] ready = new int[2];
            int[] go = new int[2];
            sys.pipe(ready);
            sys.pipe(go);
            int[] hogs = new int[2];
            for (int h = 0; h < 2; h++) {
                hogs[h] = sys.fork(s -> {
                    long m = s.mmap(0, 640 * 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
                    if (m == -1) return 3;
                    s.write(ready[1], new byte[1], 0, 1);
                    s.read(go[0], new byte[1], 0, 1);
                    for (int i = 0; i < 640; i++) s.cpu().store64(m + 4096L * i, i);
                    return 0;
                });
            }
            sys.read(ready[0], new byte[2], 0, 2);
            sys.write(go[1], new byte[2], 0, 2);
            int killedCount = 0;
            int[] st = new int[1];
            for (int h = 0; h < 2; h++) {
                sys.waitpid(hogs[h], st, 0);
                if (Wait.WIFSIGNALED(st[0]) && Wait.WTERMSIG(st[0]) == Signals.SIGKILL) killedCount++;
            }
            // Afterwards memory is free again and the survivor works as before.
            long a = sys.mmap(0, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            sys.cpu().store64(a, 5);
            Sim.puts(sys, "sbrk " + sbrk + ", mmap " + mmap + ", killed " + killedCount + ", survivor "
                    + (sys.cpu().load64(a) == 5));
            return 0;
        }).run("t");
        // vm-regions' rule: the process whose fault finds no frame gets SIGKILL; the other finishes.
        assertThat(o.console()).isEqualTo("sbrk true, mmap true, killed 1, survivor true\n");
        assertThat(o.stats().counters().get("out_of_memory")).isPositive();
    }
}
