package sprocket.fs.memfs;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/** The "memfs" file-system type: in-memory file systems of a fixed size, as tmpfs (the root's, and mount(2)'s). */
public final class MemFsProvider implements FileSystemProvider {

    /** The bytes of file data each memfs file system holds (tmpfs's size= option); 0 for half of physical memory. */
    static final String SIZE = "fs.memfs.size";

    public MemFsProvider() {
    }

    @Override
    public String name() {
        return "memfs";
    }

    @Override
    public String version() {
        return "0.2.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "in-memory file system (tmpfs-like): directories, regular files (sparse, of a fixed total size), "
                + "symbolic and hard links, FIFO, socket and device nodes";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(Tunable.size(SIZE, "0", 0, 1L << 40,
                "bytes of file data each memfs file system holds, beyond which write says ENOSPC; 0: half of hw.memory,"
                        + " tmpfs's default"));
    }

    @Override
    public FileSystem mount(FsContext context) {
        return new MemFs(context.kernel(), capacity(context.kernel().settings()));
    }

    /** The size a new file system gets: the tunable, or half of physical memory as tmpfs's default size. */
    static long capacity(Settings settings) {
        long size = settings.getSize(SIZE);
        return size != 0 ? size : settings.getSize("hw.memory") / 2;
    }
}
