package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_FIXED;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Prctl.PRDA;
import static sprocket.api.sys.Prctl.PRDA_USR;
import static sprocket.api.sys.Prctl.T_PID;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.hw.Access;
import sprocket.api.hw.Prot;
import sprocket.api.vm.AddressSpace;

/**
 * sproc(2): "The new process has its own process data area (PRDA) which contains, among other things, the process
 * id ... The PRDA is at a fixed virtual address in each process"; Barton and Wagner, 5.1: "Certain small parts of a process's
 * VM space are not shared. The most critical of these is the process data area, or PRDA."
 */
class PrdaTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = Prot.READ | Prot.WRITE;
    private final Fixture f = new Fixture(64);

    private AddressSpace space() {
        return f.create(Fixture.image("prda", PAGE, PAGE, 16 * PAGE));
    }

    @Test
    void the_prda_costs_nothing_until_touched_then_is_zero_filled_and_filled_by_the_kernel_once() {
        var as = space();
        assertThat(as.residentPages()).isZero();
        assertThat(f.vm.freeFrames()).isEqualTo(64);

        assertThat(f.load(as, T_PID)).as("t_pid, as the kernel wrote it").isEqualTo(100);

        int frame = f.pmap(as).frameAt(PRDA);
        assertThat(f.kernel.prdaFills).containsExactly((long) frame * PAGE);
        assertThat(f.load(as, PRDA_USR)).as("the rest is zero-filled").isZero();
        assertThat(f.kernel.charged).isEqualTo(FakeMachine.PAGE_ZERO);
        assertThat(f.kernel.count("zero_fills")).isEqualTo(1);
        assertThat(as.residentPages()).isEqualTo(1);
        f.store(as, PRDA_USR, 5);
        as.pmap().remove(0, PRDA, PAGE); // a pmap is a cache: the entry may go and come back
        assertThat(f.load(as, PRDA_USR)).isEqualTo(5);
        assertThat(f.kernel.prdaFills).as("filled once per PRDA").hasSize(1);
    }

    @Test
    void each_member_of_a_share_group_has_its_own_prda_naming_itself() {
        var a = space();
        var b = a.share(0);
        f.kernel.pid = 100;
        f.store(a, PRDA_USR, 1);
        f.kernel.pid = 101;
        f.store(b, PRDA_USR, 2);

        assertThat(f.load(a, PRDA_USR)).isEqualTo(1);
        assertThat(f.load(b, PRDA_USR)).isEqualTo(2);
        assertThat(f.load(a, T_PID)).isEqualTo(100);
        assertThat(f.load(b, T_PID)).isEqualTo(101);
        assertThat(f.kernel.prdaFills).containsExactly((long) f.pmap(a).frameAt(PRDA) * PAGE,
                (long) f.pmap(b).frameAt(PRDA) * PAGE);
        assertThat(a.residentPages()).as("the image has none; a's PRDA").isEqualTo(1);
    }

    @Test
    void fork_gives_the_child_a_new_untouched_prda_not_a_copy() {
        var parent = space();
        f.store(parent, PRDA_USR, 5);
        long free = f.vm.freeFrames();

        var child = parent.fork(0);

        assertThat(f.vm.freeFrames()).isEqualTo(free);
        assertThat(child.residentPages()).isZero();
        f.kernel.pid = 200;
        assertThat(f.load(child, PRDA_USR)).isZero();
        assertThat(f.load(child, T_PID)).isEqualTo(200);
        assertThat(f.load(parent, T_PID)).isEqualTo(100);
        assertThat(f.load(parent, PRDA_USR)).isEqualTo(5);
        assertThat(f.kernel.prdaFills).hasSize(2);
    }

    @Test
    void the_prda_is_read_write_but_not_executable() {
        var as = space();
        assertThat(as.fault(0, PRDA + 8, Access.EXECUTE)).isEqualTo(Signals.SIGSEGV);
        assertThat(f.kernel.prdaFills).isEmpty();
        assertThat(f.canStore(as, PRDA + PAGE - 4)).isTrue();
        assertThat(f.canLoad(as, PRDA + PAGE)).as("one page only").isFalse();
        assertThat(f.canLoad(as, PRDA - 4)).isFalse();
    }

    @Test
    void no_mapping_may_replace_the_prda_and_munmap_leaves_it() {
        var as = space();
        f.store(as, PRDA_USR, 3);
        assertThat(Refusals.errno(() -> as.mmap(0, PRDA, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mmap(0, PRDA - PAGE, 2L * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)))
                .isEqualTo(Errno.EINVAL);
        assertThat(as.mmap(0, PRDA, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS)).as("a hint there is not taken")
                .isNotEqualTo(PRDA).isPositive();
        assertThat(Refusals.errno(() -> as.attach(0, f.vm.createSegment(0, PAGE), PRDA, RW))).isEqualTo(Errno.EINVAL);
        as.munmap(0, PRDA, PAGE);
        assertThat(f.load(as, PRDA_USR)).isEqualTo(3);
        assertThat(as.mmap(0, PRDA - PAGE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED))
                .as("right below it is fine").isEqualTo(PRDA - PAGE);
    }

    @Test
    void destroy_frees_the_prda_frame_of_every_view() {
        var a = space();
        var b = a.share(0);
        var c = a.fork(0);
        f.store(a, PRDA_USR, 1);
        f.store(b, PRDA_USR, 2);
        f.store(c, PRDA_USR, 3);
        assertThat(f.vm.freeFrames()).isEqualTo(61);

        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(62);
        a.destroy(0);
        c.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(f.vm.totalFrames());
    }

    @Test
    void a_prda_with_no_frame_left_kills_the_process() {
        var g = new Fixture(1);
        var as = g.create(Fixture.image("tight", PAGE, PAGE, 16 * PAGE));
        g.store(as, Fixture.TEXT + PAGE, 1);
        assertThat(g.canLoad(as, PRDA)).isFalse();
        assertThat(g.signal()).isEqualTo(Signals.SIGKILL);
        assertThat(g.kernel.count("out_of_memory")).isEqualTo(1);
        assertThat(g.kernel.prdaFills).isEmpty();
    }
}
