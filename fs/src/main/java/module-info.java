/**
 * The in-memory root file system ("memfs"): directories, regular files, FIFOs, character devices and the system
 * open file table, behind the {@code sprocket.api.fs} SPI; a mount table with the process file system on /proc, and
 * mount(2) and umount(2) of further in-memory file systems and views of /proc.
 */
module sprocket.fs {
    requires transitive sprocket.api;

    requires org.slf4j;

    provides sprocket.api.fs.FileSystemProvider with sprocket.fs.MemFsProvider;
}
