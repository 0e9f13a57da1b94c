package sprocket.vm.regions;

import java.util.Arrays;
import sprocket.api.hw.Pmap;

/**
 * The pmaps of every view of one {@link SharedImage}: Barton and Wagner's s_plink list as the memory manager needs it. A
 * change that takes memory away or lowers its protection goes through every one of them ("before shrinking or
 * detaching a region, we synchronously flush the TLBs for ALL processors"), so no member can reach a page after its
 * frame is freed. A process outside any share group has exactly one, and each call here is then exactly one pmap call.
 */
final class MemberPmaps {
    private Pmap[] pmaps = new Pmap[1];
    private int count;

    /** A new view's pmap joins. */
    void add(Pmap pmap) {
        if (count == pmaps.length) {
            pmaps = Arrays.copyOf(pmaps, count * 2);
        }
        pmaps[count++] = pmap;
    }

    /** A departing view's pmap leaves, keeping the others in the order they joined. */
    void remove(Pmap pmap) {
        for (int i = 0; i < count; i++) {
            if (pmaps[i] == pmap) {
                System.arraycopy(pmaps, i + 1, pmaps, i, count - i - 1);
                pmaps[--count] = null;
                return;
            }
        }
        throw new IllegalStateException("pmap is not a member of this image");
    }

    /** Views over the image. */
    int size() {
        return count;
    }

    /** {@link Pmap#remove} on every member: a shootdown on each CPU running one. */
    void remove(int cpu, long vaddr, long length) {
        for (int i = 0; i < count; i++) {
            pmaps[i].remove(cpu, vaddr, length);
        }
    }

    /** {@link Pmap#remove} on every member but {@code except}, whose own entry its caller replaces. */
    void removeFromOthers(Pmap except, int cpu, long vaddr, long length) {
        for (int i = 0; i < count; i++) {
            if (pmaps[i] != except) {
                pmaps[i].remove(cpu, vaddr, length);
            }
        }
    }

    /** {@link Pmap#protect} on every member. */
    void protect(int cpu, long vaddr, long length, int prot) {
        for (int i = 0; i < count; i++) {
            pmaps[i].protect(cpu, vaddr, length, prot);
        }
    }
}
