package sprocket.api.fs;

import java.util.List;
import sprocket.api.kernel.KernelServices;

/** What a file system works with: the kernel's services, and the mount table (for a process file system to show). */
public interface FsContext {

    KernelServices kernel();

    /** The mount table now, in the order the file systems were mounted, "/" first. */
    List<MountEntry> mounts();
}
