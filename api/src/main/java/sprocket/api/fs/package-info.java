/**
 * The file layer's SPI. The kernel owns the file layer: each process's descriptors, the system open file table
 * (flags, offset, reference count; {@link sprocket.api.fs.OpenFile} is how a provider holds an entry), name lookup,
 * the mount table, FIFOs, record locks, devices and permission checks. A file-system type is a
 * {@link sprocket.api.fs.FileSystemProvider} whose file systems are trees of {@link sprocket.api.fs.Inode}s giving
 * the vnode operations; a pipe's end or a socket gives the {@link sprocket.api.fs.FileOps} behind its open file.
 * Failures throw {@link sprocket.api.ErrnoException} (see the {@code sprocket.api} package).
 */
package sprocket.api.fs;
