package sprocket.hw.x86mps;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.spi.Tunable;

/** The {@code hw = x86mps} machine: an Intel MultiProcessor Specification 1.4 board of Pentiums. */
public final class X86MpsProvider implements HardwareProvider {

    static final String NAME = "x86mps";
    /** Four-bit APIC IDs with 0xF the broadcast address leave 0..14 for processors. */
    static final int MAX_CPUS = 15;
    /** 1 MiB of firmware and real-mode memory, and at least as much again to run in. */
    static final long MIN_MEMORY = 2L << 20;

    public X86MpsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "Intel MPS 1.4 board of 100 MHz Pentiums: MP tables in BIOS memory, local APICs, i386 two-level paging,"
                + " MESI L1s and a shared or private L2 on a snooping 66 MHz bus";
    }

    /** The memory system's keys: caches on or off, L1 and L2 geometry, a shared or private L2. */
    @Override
    public List<Tunable> tunables() {
        return PentiumCaches.TUNABLES;
    }

    @Override
    public int maxCpus() {
        return MAX_CPUS;
    }

    @Override
    public long minMemory() {
        return MIN_MEMORY;
    }

    /**
     * 2,147,479,552 bytes (2 GiB less one 4 KiB page): RAM is one Java byte array, whose length is an int, rounded
     * down to whole pages. Every physical address then stays below 2 GiB, which the page walker's results rely on.
     */
    @Override
    public long maxMemory() {
        return Ram.MAX_BYTES;
    }

    /** Builds the board; memory is rounded down to whole 4 KiB pages. */
    @Override
    public Machine build(MachineConfig config) {
        return new X86MpsMachine(config.cpus(), config.memoryBytes(), PentiumCaches.from(config.settings()));
    }
}
