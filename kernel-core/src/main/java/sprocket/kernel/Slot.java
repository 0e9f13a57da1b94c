package sprocket.kernel;

import sprocket.api.fs.FileSystemProvider;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Provider;
import sprocket.api.vm.MemoryManagerProvider;

/**
 * The places a configuration fills with one provider each; {@link #key()} is the configuration key. The kernel's
 * vocabulary for choosing providers, kept out of the API so that the API's root package depends on none of its SPIs.
 */
public enum Slot {
    HW("hw", HardwareProvider.class),
    SCHED("sched", SchedulerProvider.class),
    VM("vm", MemoryManagerProvider.class),
    FS("fs", FileSystemProvider.class),
    IPC("ipc", IpcProvider.class);

    private final String key;
    private final Class<? extends Provider> type;

    Slot(String key, Class<? extends Provider> type) {
        this.key = key;
        this.type = type;
    }

    /** The configuration key naming this slot's provider, such as {@code "hw"}. */
    public String key() {
        return key;
    }

    /** The service interface providers of this slot implement. */
    public Class<? extends Provider> type() {
        return type;
    }
}
