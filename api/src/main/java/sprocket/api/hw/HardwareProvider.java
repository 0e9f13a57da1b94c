package sprocket.api.hw;

import sprocket.api.spi.Provider;

/** Builds a machine; found by {@code ServiceLoader} and picked by the configuration's {@code hw} key. */
public interface HardwareProvider extends Provider {

    /** The most CPUs this machine can have; a configuration asking for more is refused before boot. */
    int maxCpus();

    /** The least physical memory, in bytes, this machine boots with. */
    long minMemory();

    /** The most physical memory, in bytes, this machine can have; a larger {@code hw.memory} is refused before boot. */
    default long maxMemory() {
        return Long.MAX_VALUE;
    }

    /** Called once per boot, after the configuration has been checked against the bounds above. */
    Machine build(MachineConfig config);
}
