package sprocket.vm.regions;

import java.util.Map;
import java.util.TreeMap;
import sprocket.api.hw.Pmap;

/** A page table as a sorted map from page address to frame and protection. */
final class FakePmap implements Pmap {
    record Mapping(int frame, int prot) {
    }

    private final FakeMmu mmu;
    private final int pageSize;
    final TreeMap<Long, Mapping> mappings = new TreeMap<>();
    boolean destroyed;
    int removes;
    int protects;
    /** The last protect call's range and protection: [vaddr, vaddr + length) with prot. */
    long lastProtectAddress;
    long lastProtectLength;
    int lastProtect = -1;

    FakePmap(FakeMmu mmu, int pageSize) {
        this.mmu = mmu;
        this.pageSize = pageSize;
    }

    Mapping at(long vaddr) {
        return mappings.get(vaddr & -(long) pageSize);
    }

    @Override
    public void enter(int cpu, long vaddr, int frame, int prot) {
        if (destroyed) throw new IllegalStateException("enter into a destroyed pmap");
        if ((vaddr & (pageSize - 1)) != 0) throw new IllegalArgumentException("unaligned page " + vaddr);
        mappings.put(vaddr, new Mapping(frame, prot));
    }

    @Override
    public void remove(int cpu, long vaddr, long length) {
        removes++;
        var gone = mappings.subMap(vaddr, vaddr + length);
        if (mmu.onRemove != null) {
            for (Mapping m : gone.values()) {
                mmu.onRemove.accept(this, m.frame());
            }
        }
        gone.clear();
    }

    @Override
    public void protect(int cpu, long vaddr, long length, int prot) {
        protects++;
        lastProtectAddress = vaddr;
        lastProtectLength = length;
        lastProtect = prot;
        for (Map.Entry<Long, Mapping> e : mappings.subMap(vaddr, vaddr + length).entrySet()) {
            e.setValue(new Mapping(e.getValue().frame(), prot));
        }
    }

    @Override
    public void activate(int cpu) {
        mmu.active[cpu] = this;
    }

    @Override
    public void destroy(int cpu) {
        destroyed = true;
    }

    /** The frame mapped at {@code vaddr}, or -1: what the machine's tables say, for tests to compare. */
    int frameAt(long vaddr) {
        Mapping m = at(vaddr);
        return m == null ? -1 : m.frame();
    }
}
