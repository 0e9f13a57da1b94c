package sprocket.api.vm;

import sprocket.api.spi.Provider;

/** Makes the memory manager; found by {@code ServiceLoader}, picked by the configuration's {@code vm} key. */
public interface MemoryManagerProvider extends Provider {

    /** Called once per boot, after the machine is attached. */
    MemoryManager create(VmContext context);
}
