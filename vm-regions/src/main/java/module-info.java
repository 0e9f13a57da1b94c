/**
 * The "regions" memory manager: System V regions and pregions, demand-zero paging, shared text,
 * copy-on-write fork, sbrk, an automatically growing stack, anonymous and file mmap with msync, System V shared
 * memory, and share groups' views of one image (sproc(2) PR_SADDR) with private PRDAs; machine-independent.
 */
module sprocket.vm.regions {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.vm.MemoryManagerProvider with sprocket.vm.regions.RegionsProvider;
}
