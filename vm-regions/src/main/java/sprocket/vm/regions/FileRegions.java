package sprocket.vm.regions;

import java.util.IdentityHashMap;
import java.util.Map;
import sprocket.api.fs.FilePages;
import sprocket.api.fs.Inode;
import sprocket.api.spi.Counter;

/**
 * Regions with a file behind them, and the copying between their frames and the file. Every MAP_SHARED mapping of a
 * file attaches one region per file (keyed by vnode identity, as SVR4 finds a vnode's pages), whose region page
 * {@code i} is file page {@code i}: its frames are the only cached copy of those pages, so every mapper sees every
 * store, and stores reach the file when written back (msync(2), munmap(2), and when the last attachment goes). A
 * MAP_PRIVATE mapping gets a region of its own and is never written back. There is no modified bit in the pmap
 * interface, so a write-back writes every resident page of the range.
 */
final class FileRegions {
    private final RegionMemoryManager mm;
    // Looked up by vnode, never iterated: order cannot leak into behaviour.
    private final Map<Inode, Region> shared = new IdentityHashMap<>();
    /** One page on its way between a frame and the file; the memory manager runs under the kernel's VM lock. */
    private final byte[] buffer;
    private final Counter pageIns;
    private final Counter pageOuts;

    FileRegions(RegionMemoryManager mm) {
        this.mm = mm;
        this.buffer = new byte[mm.pageSize];
        this.pageIns = mm.kernel.counter("page_ins");
        this.pageOuts = mm.kernel.counter("page_outs");
    }

    /** The shared region of {@code file}, or null while nothing maps it MAP_SHARED. */
    Region find(Inode file) {
        return shared.get(file);
    }

    /**
     * The shared region of {@code file} with at least {@code pages} pages, made if none is cached. A new region
     * keeps the caller's reference; an existing one has one already, so the caller's is released at once.
     */
    Region sharedRegion(FilePages file, int pages) {
        Region r = shared.get(file.inode());
        if (r == null) {
            r = new Region(mm.frames, RegionType.MAPPED, pages, true, new MappedFile(file, 0));
            shared.put(file.inode(), r);
            return r;
        }
        file.release();
        if (r.size() < pages) {
            r.grow(pages, mm.frames);
        }
        return r;
    }

    /** A private region of {@code pages} pages of {@code file} from page {@code firstPage}; it keeps the reference. */
    Region privateRegion(FilePages file, long firstPage, int pages) {
        return new Region(mm.frames, RegionType.MAPPED, pages, false, new MappedFile(file, firstPage));
    }

    /** Whether page {@code index} of file region {@code r} lies wholly past the end of the file, as it is now. */
    boolean pastEnd(Region r, int index) {
        return r.file.offset(index, mm.pageShift) >= r.file.pages.size();
    }

    /**
     * Fills page {@code index} of file region {@code r}, which has no frame, with the file's bytes (zeros past the
     * end); returns the frame, or -1 when none is free. A private page copies the shared region's frame when there
     * is one, since that frame holds the file's page as the other mappers see it.
     */
    int pageIn(int cpu, Region r, int index) {
        int frame = mm.frames.allocate();
        if (frame < 0) {
            return -1;
        }
        MappedFile f = r.file;
        int cached = r.shared ? -1 : cachedFrame(f.pages.inode(), f.firstPage + index);
        if (cached >= 0) {
            mm.copyFrame(cpu, cached, frame);
        } else {
            f.pages.read(f.offset(index, mm.pageShift), buffer);
            // The file system charges for the copy it makes; the frame is filled from that copy.
            mm.memory.write((long) frame << mm.pageShift, buffer, 0, buffer.length);
            pageIns.increment();
        }
        r.fill(index, frame, mm.frames);
        return frame;
    }

    private int cachedFrame(Inode file, long page) {
        Region s = shared.get(file);
        return s != null && page < s.size() ? s.frame((int) page) : -1;
    }

    /**
     * Writes the resident pages {@code [from, to)} of {@code r} back to its file if it is a shared file region (else
     * nothing): the bytes up to the end of the file, which a mapping never extends.
     */
    void writeBack(Region r, int from, int to) {
        if (r.file == null || !r.shared) {
            return;
        }
        int end = Math.min(to, r.size());
        if (from >= end || !r.anyResident(from, end)) {
            return;
        }
        FilePages file = r.file.pages;
        long size = file.size();
        for (int i = from; i < end; i++) {
            int frame = r.frame(i);
            long offset = r.file.offset(i, mm.pageShift);
            if (frame < 0 || offset >= size) {
                continue;
            }
            int len = (int) Math.min(buffer.length, size - offset);
            mm.memory.read((long) frame << mm.pageShift, buffer, 0, len);
            file.write(offset, buffer, len);
            pageOuts.increment();
        }
    }

    /**
     * The last holder of file region {@code r} let go: a shared region's pages go back to the file and it leaves the
     * cache; then the frames are freed and the region lets go of the file.
     */
    void close(Region r) {
        if (r.shared) {
            writeBack(r, 0, r.size());
            shared.remove(r.file.pages.inode(), r);
        }
        r.freePages(mm.frames);
        r.file.drop();
    }
}
