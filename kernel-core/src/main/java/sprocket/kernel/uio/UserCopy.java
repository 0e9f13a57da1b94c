package sprocket.kernel.uio;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.kernel.KernelServices;

/**
 * copyin, copyout and uiomove: every byte moved between a user buffer and the kernel, whether the buffer is a
 * program's array (the object behind an open file fills it or takes from it, as uiomove would) or simulated memory
 * reached through the MMU, costs the machine's copy cost ({@code CostModel.copyWord}) per 32-bit word, charged here
 * and nowhere else.
 */
public final class UserCopy {

    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final long copyWord;
    private final KernelServices kernel;

    /** Copies through {@code mmu} into and out of {@code memory}, charging {@code copyWord} cycles a word. */
    public UserCopy(Mmu mmu, PhysicalMemory memory, long copyWord, KernelServices kernel) {
        this.mmu = mmu;
        this.memory = memory;
        this.copyWord = copyWord;
        this.kernel = kernel;
    }

    /** The cycles moving {@code bytes} bytes costs: the machine's copy cost per 32-bit word, a part word a word. */
    public long cost(long bytes) {
        return ((bytes + 3) >>> 2) * copyWord;
    }

    /**
     * uiomove for a program's buffer: {@code bytes} were moved straight between the caller's array and the kernel
     * (a file's pages, a pipe's ring, a socket's queue, a message); charges the copy.
     */
    public void moved(int bytes) {
        if (bytes > 0) kernel.charge(cost(bytes));
    }

    /**
     * Whether every page of {@code [addr, addr + len)} can be reached for {@code access} by the process on CPU
     * {@code cpu}, faulting pages in as the copy would; a read or write checks this before it starts.
     */
    public boolean mapped(int cpu, long addr, long len, Access access) {
        if (len == 0) return true;
        if (addr < 0 || addr + len < addr) return false;
        int page = memory.pageSize();
        for (long a = addr - Math.floorMod(addr, page); a < addr + len; a += page) {
            if (mmu.translate(cpu, a, access) == Mmu.FAULT) return false;
        }
        return true;
    }

    /** copyin: {@code len} bytes of the caller's memory at {@code addr}; EFAULT for a page that is not there. */
    public byte[] copyin(int cpu, long addr, int len) {
        byte[] buf = new byte[len];
        copy(cpu, addr, buf, len, Access.READ);
        return buf;
    }

    /** copyout: the first {@code len} bytes of {@code buf} to the caller's memory at {@code addr}; EFAULT likewise. */
    public void copyout(int cpu, byte[] buf, int len, long addr) {
        copy(cpu, addr, buf, len, Access.WRITE);
    }

    /** Moves {@code len} bytes between {@code buf} and the memory at {@code addr}, page by page, into it for WRITE. */
    private void copy(int cpu, long addr, byte[] buf, int len, Access access) {
        int page = memory.pageSize();
        int done = 0;
        while (done < len) {
            long va = addr + done;
            int chunk = (int) Math.min(len - done, page - Math.floorMod(va, page));
            long pa = mmu.translate(cpu, va, access);
            if (pa == Mmu.FAULT) throw ErrnoException.of(Errno.EFAULT);
            if (access == Access.WRITE) {
                memory.write(pa, buf, done, chunk);
            } else {
                memory.read(pa, buf, done, chunk);
            }
            done += chunk;
        }
        moved(len);
    }
}
