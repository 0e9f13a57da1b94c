/**
 * IRIX share groups (Barton and Wagner, "Enhanced Resource Sharing in UNIX"; sproc(2)): forming a group, members
 * joining and leaving, the shared read lock on the group's pregion list around faults and address-space changes,
 * and blockproc(2)'s per-process counting semaphore. The shared address block itself is process data
 * ({@link sprocket.kernel.proc.Shaddr}).
 */
package sprocket.kernel.share;
