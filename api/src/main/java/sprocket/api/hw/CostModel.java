package sprocket.api.hw;

/**
 * What operations cost on a machine, in CPU cycles. The kernel charges these to the CPU that does the work.
 *
 * @param syscall trap into the kernel and return (R2000 syscall exception; x86 software interrupt)
 * @param kernelOp a short stretch of kernel bookkeeping (a table look-up, a list update)
 * @param contextSwitch saving one process's registers and loading another's
 * @param interrupt taking an interrupt and returning from it
 * @param memoryAccess a load or store that hits the TLB and the cache
 * @param copyWord copying one 32-bit word between kernel and user space
 * @param tlbRefill refilling the TLB from the page table after a miss (software refill or hardware walk)
 * @param pageFault entering the kernel's page-fault handler
 * @param pageZero filling one page with zeros
 * @param pageCopy copying one page
 * @param ipiSend writing the interrupt command to send an inter-processor interrupt
 * @param ipiLatency from sending an inter-processor interrupt to its arrival at the target
 * @param lockAcquire taking a free kernel lock with the machine's atomic primitive
 * @param lockSpin one turn of spinning on a held kernel lock
 */
public record CostModel(long syscall, long kernelOp, long contextSwitch, long interrupt, long memoryAccess,
        long copyWord, long tlbRefill, long pageFault, long pageZero, long pageCopy, long ipiSend, long ipiLatency,
        long lockAcquire, long lockSpin) {
}
