package sprocket.fs.procfs;

import sprocket.api.ApiVersion;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;

/** The "proc" file-system type: the process table as files (proc(4)), mounted on /proc at boot and by mount(2). */
public final class ProcFsProvider implements FileSystemProvider {

    public ProcFsProvider() {
    }

    @Override
    public String name() {
        return "proc";
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
        return "process file system: a directory per process (status, cmdline), self, mounts, loadavg and stat";
    }

    @Override
    public FileSystem mount(FsContext context) {
        return new ProcFs(context);
    }
}
