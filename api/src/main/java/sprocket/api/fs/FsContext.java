package sprocket.api.fs;

import sprocket.api.kernel.Console;
import sprocket.api.kernel.KernelServices;

/** What a file system works with: the kernel's services and the host end of /dev/console. */
public interface FsContext {

    KernelServices kernel();

    Console console();

    /**
     * A new pipe from the IPC module, for a FIFO's first open (the file system keeps the FIFO's name, the IPC module
     * its buffer): each end held once, or the errno saying why there is none.
     */
    PipeResult pipe();
}
