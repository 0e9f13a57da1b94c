package sprocket.api.hw;

import sprocket.api.spi.Settings;

/** What a machine is built with: CPU count and memory size from {@code hw.cpus} and {@code hw.memory}, and every setting. */
public record MachineConfig(int cpus, long memoryBytes, Settings settings) {
}
