/**
 * Two file-system types behind the {@code sprocket.api.fs} SPI, each a small provider of vnode operations: "memfs",
 * in-memory file systems of a fixed size with directories, sparse regular files, links, and FIFO, socket and device
 * nodes; and "proc", the process file system. The kernel mounts them, looks names up in them and opens their files.
 */
module sprocket.fs {
    requires transitive sprocket.api;

    requires org.slf4j;

    provides sprocket.api.fs.FileSystemProvider with sprocket.fs.memfs.MemFsProvider, sprocket.fs.procfs.ProcFsProvider;
}
