/**
 * The file layer, between the system calls and the file-system types (SVR4's vnodes and VFS, 4.4BSD's VOP_
 * operations): the system open file table and its entries ({@link sprocket.kernel.vfs.File}: flags, offset,
 * references, and a vnode or a pipe's end or socket behind), vnodes with their references, name lookup (namei), the
 * mount table and mount(2)/umount(2), the permission checks, FIFOs, record locks, character devices through the
 * cdevsw, and the pages of mapped files. File systems are providers of {@link sprocket.api.fs.Inode}s. It works on a
 * {@link sprocket.kernel.vfs.NameContext} (current and root directory, credentials) and knows nothing of processes,
 * so the process structure can hold its files.
 */
package sprocket.kernel.vfs;
