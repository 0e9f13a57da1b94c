package sprocket.api.fs;

import sprocket.api.kernel.Console;
import sprocket.api.kernel.KernelServices;

/** What a file system works with: the kernel's services and the host end of /dev/console. */
public interface FsContext {

    KernelServices kernel();

    Console console();
}
