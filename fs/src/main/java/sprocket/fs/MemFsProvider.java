package sprocket.fs;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.spi.Tunable;

/** The "memfs" provider: an in-memory root file system with /dev devices and /proc mounted. */
public final class MemFsProvider implements FileSystemProvider {

    /** Entries of the system open file table (SVR4's {@code nfile} tunable). */
    static final String NFILE = "fs.nfile";

    public MemFsProvider() {
    }

    @Override
    public String name() {
        return "memfs";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "in-memory root file system with FIFOs, /dev/console, /dev/null, /dev/zero, /dev/tty and /proc";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(Tunable.integer(NFILE, 1000, 16, 1_000_000,
                "entries in the system open file table; one open more fails with ENFILE"));
    }

    @Override
    public FileSystem create(FsContext context) {
        return new MemFs(context, context.kernel().settings().getInt(NFILE));
    }
}
