package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.SprocTest.waitFor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Signals;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Wait;

/**
 * Barton and Wagner's implementation, observable: one shared pregion list under a shared read lock, shootdowns when a
 * member removes memory, and the statistics that show them.
 */
class ShareGroupVmTest {

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void memory_another_member_removed_is_gone_for_every_member_at_once(String hw) {
        // sproc(2) CAVEATS: the system "must insure that no other processes in the share group can reference the
        // virtual space that is being removed or the underlying physical pages during or after the removal".
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            long map = sys.mmap(0, 4 * 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                    -1, 0);
            sys.cpu().store32(map, 5);
            int reader = sys.sproc((s, arg, len) -> {
                int sum = 0;
                while (s.cpu().load32(arg) == 0) {
                    sum += s.cpu().load32(map); // a TLB entry for the page on this member's CPU
                    s.cpu().store32(arg + 4, 1); // running, the page in its TLB
                    s.cpu().burn(100);
                }
                return s.cpu().load32(map); // after the munmap: SIGSEGV
            }, Prctl.PR_SALL, cell);
            while (sys.cpu().load32(cell + 4) == 0) sys.cpu().burn(100);
            sys.munmap(map, 4 * 4096);
            sys.cpu().store32(cell, 1);
            int st = waitFor(sys, reader);
            Sim.puts(sys, Wait.WIFSIGNALED(st) + " " + Signals.name(Wait.WTERMSIG(st)));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true SIGSEGV\n");
        var c = o.stats().counters();
        // The removal reached the reader's CPU while it ran: a shootdown caused by a group update.
        assertThat(c.get("share_shootdowns")).isPositive();
        assertThat(c.get("share_groups")).isEqualTo(1L);
        assertThat(c.get("share_members")).isEqualTo(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void page_faults_wait_while_another_member_updates_the_pregion_list(String hw) {
        // Barton and Wagner: "any number of processes can scan the list, but if a process needs to update or change the list
        // or what it points to, it must wait until all others are done scanning" and a faulting member "will sleep
        // until the lock is released".
        var o = Sim.with("hw=" + hw, "hw.cpus=2").program("t", (sys, argv) -> {
            long cell = sys.sbrk(4096);
            int toucher = sys.sproc((s, arg, len) -> {
                long area = s.sbrk(256 * 4096L);
                for (int i = 0; i < 256; i++) s.cpu().store32(area + i * 4096L, i); // 256 zero-fill faults: scans
                s.cpu().store32(arg, 1);
                return 0;
            }, Prctl.PR_SALL, cell);
            int updates = 0;
            while (sys.cpu().load32(cell) == 0) {
                long m = sys.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
                sys.munmap(m, 4096);
                updates += 2;
            }
            waitFor(sys, toucher);
            Sim.puts(sys, updates > 0 ? "ok" : "no updates");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ok\n");
        var c = o.stats().counters();
        assertThat(c.get("shaddr_lock_waits")).isPositive();
        assertThat(c.get("shaddr_lock_wait_cycles")).isGreaterThanOrEqualTo(c.get("shaddr_lock_waits"));
        assertThat(c.get("share_vm_updates")).isPositive();
        assertThat(o.stats().summary()).contains("share groups        1 formed, 2 members joined")
                .containsPattern("shaddr lock +[1-9][\\d,]* waits");
    }

    @org.junit.jupiter.api.Test
    void a_run_without_share_groups_has_no_share_group_lines_in_its_summary() {
        var o = Sim.with().program("t", (sys, argv) -> sys.fork(s -> 0) > 0 ? 0 : 1).run("t");
        assertThat(o.stats().summary()).doesNotContain("share groups").doesNotContain("shaddr");
        assertThat(o.stats().counters().get("share_groups")).isZero();
    }
}
