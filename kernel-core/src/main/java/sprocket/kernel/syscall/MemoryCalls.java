package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;
import sprocket.api.Errno;
import sprocket.api.fs.FilePages;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.vfs.File;

/** sbrk(2), brk(2), mmap(2), munmap(2), msync(2), mprotect(2): the memory manager does the work. */
@Singleton
final class MemoryCalls {
    private final ShareGroups shares;

    @Inject
    MemoryCalls(ShareGroups shares) {
        this.shares = shares;
    }

    long sbrk(Proc p, long increment) {
        return updating(p, () -> p.space.sbrk(p.cpu().id, increment));
    }

    int brk(Proc p, long addr) {
        updating(p, () -> p.space.sbrk(p.cpu().id, addr - p.space.brk()));
        return 0;
    }

    /**
     * Runs a change to {@code p}'s pregion list under its share group's update lock, if it shares its space; the
     * memory manager's ErrnoException passes through to the trap, the lock released.
     */
    private long updating(Proc p, LongSupplier change) {
        if (!ShareGroups.sharesSpace(p)) return change.getAsLong();
        shares.updateBegin(p);
        try {
            return change.getAsLong();
        } finally {
            shares.updateEnd(p);
        }
    }

    long mmap(Proc p, long addr, long len, int prot, int flags, int fd, long off) {
        if ((prot & ~(Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC)) != 0) return fail(p, Errno.EINVAL);
        if ((flags & Mman.MAP_ANONYMOUS) != 0) {
            if (fd != -1 || off != 0) return fail(p, Errno.EINVAL);
            return updating(p, () -> p.space.mmap(p.cpu().id, addr, len, prot, flags));
        }
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int mode = f.flags() & Fcntl.O_ACCMODE;
        // mmap(2): "EACCES: fildes is not open for read, or MAP_SHARED and PROT_WRITE without write access".
        if (mode == Fcntl.O_WRONLY) return fail(p, Errno.EACCES);
        if ((flags & Mman.MAP_TYPE) == Mman.MAP_SHARED && (prot & Mman.PROT_WRITE) != 0 && mode != Fcntl.O_RDWR) {
            return fail(p, Errno.EACCES);
        }
        if (off < 0) return fail(p, Errno.EINVAL);
        FilePages pages = f.pages();
        // "ENODEV: fildes refers to an object for which mmap is meaningless, such as a terminal."
        if (pages == null) return fail(p, Errno.ENODEV);
        return updating(p, () -> p.space.mmap(p.cpu().id, addr, len, prot, flags, pages, off));
    }

    int msync(Proc p, long addr, long len, int flags) {
        int known = Mman.MS_ASYNC | Mman.MS_SYNC | Mman.MS_INVALIDATE;
        if ((flags & ~known) != 0 || (flags & (Mman.MS_ASYNC | Mman.MS_SYNC)) == (Mman.MS_ASYNC | Mman.MS_SYNC)) {
            return fail(p, Errno.EINVAL);
        }
        p.space.msync(p.cpu().id, addr, len);
        return 0;
    }

    int munmap(Proc p, long addr, long len) {
        updating(p, () -> {
            p.space.munmap(p.cpu().id, addr, len);
            return 0;
        });
        return 0;
    }

    int mprotect(Proc p, long addr, long len, int prot) {
        if ((prot & ~(Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC)) != 0) return fail(p, Errno.EINVAL);
        updating(p, () -> {
            p.space.mprotect(p.cpu().id, addr, len, prot);
            return 0;
        });
        return 0;
    }
}
