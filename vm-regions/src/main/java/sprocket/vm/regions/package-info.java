/**
 * System V regions and pregions (Bach 1986, ch. 6; the share-groups paper, section 6.2): a {@link
 * sprocket.vm.regions.Region} is the shared object that owns pages, a {@link sprocket.vm.regions.Pregion} is one
 * process's attachment of it at a virtual address with a protection. The pmap is only a cache of these.
 *
 * <p>Layout of a new address space: text at 0x0040_0000 (read+execute, one region per program shared by every
 * process running it), data+bss right after it (read+write, private, the break at its end), and a stack whose top
 * is 0x7FFF_F000 that grows down on demand as far as the image's RLIMIT_STACK. No page has a frame until it is
 * first touched; then it is zero-filled.
 *
 * <p>fork(2) shares the text region and gives the child private data and stack regions whose frames are shared
 * copy-on-write with the parent: each frame carries a reference count, both sides are write-protected, and the
 * first write to a frame still counted more than once copies it.
 *
 * <p>When physical frames run out: a page fault returns false, so the kernel sends the faulting process SIGKILL
 * (there is no swap to wait for, and a fault cannot fail with an errno); sbrk(2) and fork(2) fail with ENOMEM
 * before taking anything. Each such event counts {@code out_of_memory}.
 */
package sprocket.vm.regions;
