package sprocket.api.fs;

import sprocket.api.spi.Provider;

/** Makes the root file system; found by {@code ServiceLoader}, picked by the configuration's {@code fs} key. */
public interface FileSystemProvider extends Provider {

    /** Called once per boot. The new file system holds /bin, /dev (console, null, zero, tty) and /tmp. */
    FileSystem create(FsContext context);
}
