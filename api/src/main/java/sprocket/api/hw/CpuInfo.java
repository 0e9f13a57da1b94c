package sprocket.api.hw;

/**
 * One processor as the firmware reports it.
 *
 * @param id the kernel's CPU number, 0..n-1, boot processor 0
 * @param hardwareId the hardware's own number (the local APIC ID on x86; the slot on the R2000 bus)
 * @param bootstrap whether this is the boot processor
 * @param model the processor's name and revision
 */
public record CpuInfo(int id, int hardwareId, boolean bootstrap, String model) {
}
