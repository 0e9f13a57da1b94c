package sprocket.api.hw;

/**
 * What a machine is, for reports and for the kernel's arithmetic.
 *
 * @param name the provider's name, such as {@code "r2000"}
 * @param model what the machine is in words, such as {@code "MIPS R2000, 16.7 MHz"}
 * @param cpus how many CPUs were built
 * @param memoryBytes physical memory size
 * @param pageSize the MMU's page size in bytes
 * @param clockHz cycles per simulated second
 * @param tlbEntries entries in each CPU's TLB
 * @param bigEndian byte order of loads and stores
 */
public record MachineDescription(String name, String model, int cpus, long memoryBytes, int pageSize, long clockHz,
        int tlbEntries, boolean bigEndian) {
}
