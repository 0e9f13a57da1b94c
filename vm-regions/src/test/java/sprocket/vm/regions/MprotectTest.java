package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Mman.MAP_ANONYMOUS;
import static sprocket.api.sys.Mman.MAP_PRIVATE;
import static sprocket.api.sys.Mman.MAP_SHARED;
import static sprocket.api.sys.Mman.PROT_EXEC;
import static sprocket.api.sys.Mman.PROT_NONE;
import static sprocket.api.sys.Mman.PROT_READ;
import static sprocket.api.sys.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

/** mprotect(2): "changes the access protections ... of the pages in the range [addr, addr + len)". */
class MprotectTest {
    private static final int PAGE = Fixture.PAGE;
    private static final int RW = PROT_READ | PROT_WRITE;
    private static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private final Fixture f = new Fixture(64);
    private final RegionAddressSpace as =
            (RegionAddressSpace) f.create(Fixture.image("prot", PAGE, 2 * PAGE, 16 * PAGE));

    @Test
    void read_only_then_a_write_faults_and_a_read_still_works() {
        long at = as.mmap(0, 0, PAGE, RW, ANON);
        f.store(as, at, 7);

        as.mprotect(0, at, PAGE, PROT_READ);

        assertThat(f.pmap(as).at(at).prot()).as("the pmap is lowered at once").isEqualTo(PROT_READ);
        assertThat(f.canStore(as, at)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
        assertThat(f.load(as, at)).isEqualTo(7);

        as.mprotect(0, at, PAGE, RW);
        f.store(as, at, 8);
        assertThat(f.load(as, at)).isEqualTo(8);
    }

    @Test
    void prot_none_forbids_every_access_even_on_the_stack() {
        f.store(as, Fixture.STACK_TOP - 4, 1);
        as.mprotect(0, Fixture.STACK_TOP - PAGE, PAGE, PROT_NONE);
        assertThat(f.canLoad(as, Fixture.STACK_TOP - 4)).isFalse();
        assertThat(f.signal()).isEqualTo(Signals.SIGSEGV);
    }

    @Test
    void every_page_in_the_range_must_be_mapped() {
        long at = as.mmap(0, 0, 2 * PAGE, RW, ANON);
        as.munmap(0, at + PAGE, PAGE);

        // mprotect(2): ENOMEM "Addresses in the range [addr, addr + len) are invalid ... or specify unmapped pages".
        assertThat(Refusals.errno(() -> as.mprotect(0, at, 2 * PAGE, PROT_READ))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mprotect(0, 0x7FFF_F000L, 2 * PAGE, PROT_READ))).isEqualTo(Errno.ENOMEM);
        assertThat(Refusals.errno(() -> as.mprotect(0, at, -1, PROT_READ))).isEqualTo(Errno.ENOMEM);

        assertThat(f.canStore(as, at)).as("nothing changed").isTrue();
        assertThat(as.pregionCount()).isEqualTo(4);
    }

    @Test
    void an_unaligned_address_or_unknown_protection_is_invalid_and_an_empty_range_is_nothing_to_do() {
        long at = as.mmap(0, 0, PAGE, RW, ANON);
        assertThat(Refusals.errno(() -> as.mprotect(0, at + 1, PAGE, PROT_READ))).isEqualTo(Errno.EINVAL);
        assertThat(Refusals.errno(() -> as.mprotect(0, at, PAGE, 0x10))).isEqualTo(Errno.EINVAL);
        as.mprotect(0, 0x1234_5000L, 0, PROT_READ);
        assertThat(f.canStore(as, at)).isTrue();
    }

    @Test
    void protecting_the_middle_splits_and_restoring_merges_again() {
        long at = as.mmap(0, 0, 4 * PAGE, RW, ANON);
        for (int i = 0; i < 4; i++) {
            f.store(as, at + (long) i * PAGE, i);
        }

        as.mprotect(0, at + PAGE, 2 * PAGE, PROT_READ);

        assertThat(as.pregionCount()).isEqualTo(6);
        assertThat(f.canStore(as, at)).isTrue();
        assertThat(f.canStore(as, at + PAGE)).isFalse();
        assertThat(f.canStore(as, at + 2 * PAGE)).isFalse();
        assertThat(f.canStore(as, at + 3 * PAGE)).isTrue();
        assertThat(f.load(as, at + 2 * PAGE)).isEqualTo(2);

        as.mprotect(0, at + PAGE, 2 * PAGE, RW);
        assertThat(as.pregionCount()).as("one mapping again").isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(f.load(as, at + (long) i * PAGE)).isEqualTo(i);
        }
        as.munmap(0, at, 4 * PAGE);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_range_over_several_pregions_changes_them_all() {
        long data = Fixture.TEXT + PAGE;
        long at = as.mmap(0, data + 2 * PAGE, PAGE, RW, ANON | sprocket.api.sys.Mman.MAP_FIXED);
        assertThat(at).isEqualTo(data + 2 * PAGE);
        as.mprotect(0, data + PAGE, 2 * PAGE, PROT_READ);
        assertThat(f.canStore(as, data)).isTrue();
        assertThat(f.canStore(as, data + PAGE)).isFalse();
        assertThat(f.canStore(as, at)).isFalse();
    }

    @Test
    void the_stack_split_by_mprotect_still_grows() {
        f.store(as, Fixture.STACK_TOP - 2 * PAGE, 1);
        as.mprotect(0, Fixture.STACK_TOP - PAGE, PAGE, PROT_READ);
        f.store(as, Fixture.STACK_TOP - 5 * PAGE, 2);
        assertThat(f.load(as, Fixture.STACK_TOP - 2 * PAGE)).isEqualTo(1);
        assertThat(f.canStore(as, Fixture.STACK_TOP - 4)).isFalse();
        as.mprotect(0, Fixture.STACK_TOP - PAGE, PAGE, RW);
        assertThat(as.pregionCount()).as("text, data, one stack").isEqualTo(3);
    }

    @Test
    void shared_text_cannot_be_made_writable() {
        // mprotect(2): EACCES "prot specifies a protection that violates the access permission the process has
        // to the underlying memory object".
        assertThat(Refusals.errno(() -> as.mprotect(0, Fixture.TEXT, PAGE, RW))).isEqualTo(Errno.EACCES);
        assertThat(Refusals.errno(() -> as.mprotect(0, Fixture.TEXT, 3 * PAGE, RW))).isEqualTo(Errno.EACCES);
        assertThat(f.canStore(as, Fixture.TEXT)).isFalse();
        as.mprotect(0, Fixture.TEXT, PAGE, PROT_READ);
        assertThat(f.canLoad(as, Fixture.TEXT)).isTrue();
        assertThat(as.fault(0, Fixture.TEXT, sprocket.api.hw.Access.EXECUTE)).isEqualTo(Signals.SIGSEGV);
        as.mprotect(0, Fixture.TEXT, PAGE, PROT_READ | PROT_EXEC);
        assertThat(as.fault(0, Fixture.TEXT, sprocket.api.hw.Access.EXECUTE)).isZero();
    }

    @Test
    void copy_on_write_pages_stay_write_protected_when_write_is_granted() {
        long at = as.mmap(0, 0, 2 * PAGE, RW, ANON);
        f.store(as, at, 5);
        f.store(as, at + PAGE, 6);
        var child = as.fork(0);
        as.mprotect(0, at, 2 * PAGE, PROT_READ);

        as.mprotect(0, at, 2 * PAGE, RW);

        assertThat(f.pmap(as).at(at).prot()).as("still copy-on-write in the pmap").isEqualTo(PROT_READ);
        f.store(as, at, 50);
        assertThat(f.kernel.count("cow_copies")).isEqualTo(1);
        assertThat(f.load(child, at)).isEqualTo(5);
        assertThat(f.load(as, at)).isEqualTo(50);
        f.store(child, at + PAGE, 60);
        assertThat(f.load(as, at + PAGE)).isEqualTo(6);
        child.destroy(0);
        as.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(64);
    }

    @Test
    void a_page_nobody_shares_gets_write_at_once() {
        long at = as.mmap(0, 0, PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS);
        f.load(as, at);
        as.mprotect(0, at, PAGE, RW);
        assertThat(f.pmap(as).lastProtect).isEqualTo(RW);
        assertThat(f.pmap(as).at(at).prot()).isEqualTo(RW);
    }
}
