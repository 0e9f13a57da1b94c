/**
 * The memory-manager SPI: the machine-independent truth about address spaces (regions, pages, reference
 * counts, frames), kept in step with each machine's {@link sprocket.api.hw.Pmap}.
 */
package sprocket.api.vm;
