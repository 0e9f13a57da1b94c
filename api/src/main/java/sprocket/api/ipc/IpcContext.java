package sprocket.api.ipc;

import sprocket.api.kernel.KernelServices;

/** What the IPC module works with. */
public interface IpcContext {

    KernelServices kernel();

    /** The memory manager, for shared-memory segments. */
    sprocket.api.vm.MemoryManager memory();
}
