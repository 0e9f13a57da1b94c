/**
 * The hardware SPI: a machine is CPUs with cycle clocks (kept by the kernel's engine), physical memory, an
 * MMU behind a pmap, an interrupt controller with a timer and inter-processor interrupts, an atomic
 * primitive and a cost model in cycles. The machine reaches the kernel only through the
 * {@link sprocket.api.hw.MachineContext} it is attached to: interrupts posted and faults raised.
 */
package sprocket.api.hw;
