/**
 * System V regions and pregions (Bach 1986, ch. 6; the share-groups paper, section 6.2): a {@link
 * sprocket.vm.regions.Region} is the object that owns pages, a {@link sprocket.vm.regions.Pregion} is one
 * attachment of it at a virtual address with a protection. The pmap is only a cache of these.
 *
 * <p>Layout of a new address space: text at 0x0040_0000 (read+execute, one region per program shared by every
 * process running it), data+bss right after it (read+write, private, the break at its end), and a stack whose top
 * is 0x7FFF_F000 that grows down on demand as far as the image's RLIMIT_STACK. User space ends at 0x8000_0000.
 * No page has a frame until it is first touched; then it is zero-filled, or read from the file a mapping maps.
 *
 * <p>mmap(2) of anonymous memory (MAP_ANONYMOUS) or of a file: exactly one of MAP_SHARED and MAP_PRIVATE, page-aligned
 * address with MAP_FIXED, non-zero length (else EINVAL). Without MAP_FIXED the address is a hint, taken when that range
 * is free and below the stack's reserve; otherwise the mapping goes top-down from just below the stack's reserve,
 * staying above the data segment's reserve ({@code vm.data_reserve} past the start of data, or the break if that is
 * higher); no room is ENOMEM. MAP_FIXED first unmaps whatever was in the range, but may not touch the text (EINVAL) nor
 * reach kernel space (ENOMEM). A MAP_SHARED region is attached by reference by the children fork(2) makes, so parent
 * and child see each other's stores; a MAP_PRIVATE one is copy-on-write like data. munmap(2) may split a pregion and
 * frees the frames nothing reaches any more (a shared region's pages stay while another process or a shared memory
 * identifier holds it); unmapping what is not mapped is no error. mprotect(2) needs every page mapped (ENOMEM), splits
 * and re-merges pregions, refuses PROT_WRITE on shared text (EACCES), and keeps a page that is still copy-on-write
 * write-protected until a write fault copies it. The break and the stack never grow into a mapping: sbrk fails with
 * ENOMEM, a fault below the stack gets SIGSEGV.
 *
 * <p>File mappings ({@link sprocket.vm.regions.FileRegions}): the offset must be page aligned (EINVAL) and the
 * mapping may not reach past the largest 32-bit file offset (EOVERFLOW). A page is read from the file
 * ({@code page_ins}) when first touched, the bytes past the end of the file reading as zeros; touching a page that
 * lies wholly past the end of the file, as the file is at that moment, gets SIGBUS. Every MAP_SHARED mapping of a
 * file, in any process, attaches the same region (one per vnode), so all see each other's stores in the same
 * frames; its resident pages are written back ({@code page_outs}, never past the end of the file, which a mapping
 * cannot extend) by msync(2), by munmap(2) of the range (MAP_FIXED over it too), and when the region's last
 * attachment goes at exit or exec. With no modified bit in the pmap, a write-back writes every resident page of the
 * range. A MAP_PRIVATE file mapping has its own region, filled from the file (or from the frame of the file's
 * shared region, which holds what the shared mappers see) and then private and copy-on-write like anonymous
 * memory; it is never written back. Each file mmap(2) hands over one reference to the file: a private region and
 * its fork copies keep it and release it when the last of them goes; a shared region keeps the first mapper's
 * and releases it when it goes, and a later mapper's is released at once; a failed mmap(2) releases it.
 * msync(2) needs a page-aligned address (EINVAL) and every page of the range mapped (ENOMEM); on anonymous or
 * private pages it has nothing to do.
 *
 * <p>System V shared memory ({@link sprocket.vm.regions.SharedMemorySegment}): createSegment makes a shared region of
 * whole pages, none resident, refused (null: ENOMEM) when it asks for more pages than there are free frames, as
 * mmap(2) is. shmat(2) attaches all of it by reference, at a page-aligned address over nothing mapped (else EINVAL:
 * it never replaces a mapping) or, with address 0, where mmap(2) would place it. Every piece munmap(2) or mprotect(2)
 * leaves of an attachment remembers where it was attached, so shmdt(2) at exactly that address takes out whatever is
 * left of it, and an address no attachment starts at is EINVAL (null). shm_nattch counts attachments: one per
 * shmat(2) and per attachment a fork child inherits, one less when shmdt(2), munmap(2) of its last page, exit or
 * exec takes it away. IPC_RMID lets go of the segment's own hold and refuses later shmat(2) calls (fork still
 * inherits); its frames go with the last attachment.
 *
 * <p>fork(2) shares the text, MAP_SHARED and shared-memory regions and gives the child private copies of the
 * others whose frames are shared copy-on-write with the parent. As with SVR4's anon_map, a copy first shares the
 * parent's {@link sprocket.vm.regions.PageMap} itself, so fork costs O(regions), not O(pages): the first side to
 * change a page takes its own copy of the page map, and only then does each frame count one more page map. Both
 * sides are write-protected; the first write to a page whose page map or frame is still shared copies the page,
 * and a side left the only holder (its relative copied or exited) writes in place. A child that exits without
 * writing just lets go of its page maps. The parent's pmap is write-protected only where a writable entry was
 * entered since the last fork.
 *
 * <p>Out of memory: when no physical frame is left, the faulting process gets SIGKILL (a page fault returns
 * SIGKILL: there is no swap to wait for, and a fault cannot fail with an errno); sbrk(2), mmap(2) and fork(2)
 * fail with ENOMEM before taking anything, since they refuse to promise more pages than there are free frames.
 * Each such event counts {@code out_of_memory}.
 *
 * <p>The PRDA ({@link sprocket.vm.regions.Prda}): every address space has a private read/write page at
 * {@link sprocket.api.sys.Prctl#PRDA}, attached at no cost, zero-filled on first touch like any page, after which the
 * kernel is told its frame ({@code prdaFilled}) to write t_pid and the rest of prda_sys. fork(2) and sproc(2) give the
 * new process a new, untouched one. No mapping may cover it: MAP_FIXED or shmat(2) over it is EINVAL, a hint there is
 * not taken, munmap(2) leaves it, and a stack never grows onto it.
 *
 * <p>Share groups (the share-groups paper, sections 5.1 and 6.2; sproc(2) with PR_SADDR): an
 * {@link sprocket.api.vm.AddressSpace} is a view ({@link sprocket.vm.regions.RegionAddressSpace}: a pmap, a PRDA, the
 * stack it grows) of a {@link sprocket.vm.regions.SharedImage} (the pregions, the data region and the break, the
 * stacks). A process outside any share group is its image's only view and costs what it always did. share() adds a
 * view with a new pmap, a new PRDA and no stack ({@code vm_share_views}); each view's faults resolve against the image
 * and enter translations in its own pmap only; mmap, sbrk, shmat and stack growth by any view are the image's, so
 * every view sees them at once; munmap, a shrinking sbrk, shmdt, mprotect, fork's write protection and a member's
 * copy-on-write copy take the old translations out of every other view's pmap before a frame is freed or replaced.
 *
 * <p>Stacks ({@link sprocket.vm.regions.Stacks}): newStack places a stack of {@code margin} bytes (rounded up to
 * whole pages, at least one) at the highest page-aligned place below STACK_TOP and above the data's reserve (where
 * mmap(2) stops too) that overlaps no pregion and no stack's unclaimed margin (exec's stack claims its whole
 * RLIMIT_STACK reserve as margin); failing that, the highest such place overlapping no pregion
 * ({@code vm_margins_given_up}); failing that, ENOMEM. A hole a departed member's stack left is reused. The stack's
 * top page is attached; only its owner's faults grow it, up to {@code limit} bytes below its top, never past another
 * pregion (there are no red zones, so it may grow into another stack's unclaimed margin). mmap(2) and shmat(2)
 * without an address keep out of unclaimed margins the same way, while they can. A member's destroy removes the
 * stack it grows from the image, unless the image was made for it (the group's creator); the last view releases the
 * image. fork(2) of any view copies the whole image copy-on-write, every stack included, and the child grows the
 * copy of the forking view's stack. virtualSize is every pregion, the PRDA and the unclaimed margins, each byte once.
 */
package sprocket.vm.regions;
