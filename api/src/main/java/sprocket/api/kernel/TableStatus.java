package sprocket.api.kernel;

/**
 * One of the kernel's fixed-size tables as sar(1) -v reports it: the entries in use, the table's size, and how many
 * times an allocation found it full and the call failed (SVR4's {@code struct syserr} counters: procovf, inodeovf,
 * fileovf), since boot.
 */
public record TableStatus(int used, int size, long overflows) {
}
