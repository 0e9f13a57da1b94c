package sprocket.api.ipc;

import sprocket.api.kernel.KernelServices;

/** What the IPC module works with. */
public interface IpcContext {

    KernelServices kernel();

    /** The memory manager, for shared-memory segments. */
    sprocket.api.vm.MemoryManager memory();

    /** The root file system, where AF_UNIX sockets are bound to names and found by them. */
    sprocket.api.fs.FileSystem fileSystem();
}
