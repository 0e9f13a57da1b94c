package sprocket.api.vm;

import sprocket.api.hw.Machine;
import sprocket.api.kernel.KernelServices;

/** What a memory manager works with: the machine (memory and MMU) and the kernel's services. */
public interface VmContext {

    Machine machine();

    KernelServices kernel();
}
