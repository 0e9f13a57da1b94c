/**
 * The MIPS R2000 multiprocessor: CPUs, physical memory, the TLB with its refill handler and pmaps, the
 * interrupt controller and the hardware lock unit. Everything but the provider is package-private.
 */
package sprocket.hw.r2000;
