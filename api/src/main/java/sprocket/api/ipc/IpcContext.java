package sprocket.api.ipc;

import sprocket.api.kernel.KernelServices;

/** What the IPC module works with. */
public interface IpcContext {

    KernelServices kernel();

    /** The memory manager, for shared-memory segments. */
    sprocket.api.vm.MemoryManager memory();

    /** The kernel's name space, where AF_UNIX sockets are bound to names and found by them. */
    SocketNames names();
}
