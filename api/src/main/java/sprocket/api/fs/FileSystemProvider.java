package sprocket.api.fs;

import sprocket.api.spi.Provider;

/**
 * A file-system type (an entry of SVR4's vfssw), found by {@code ServiceLoader}: its {@link #name()} is the type
 * mount(2) names ({@link sprocket.api.sys.Mount}). The configuration's {@code fs} key picks the type of the root file
 * system; every type found can be mounted.
 */
public interface FileSystemProvider extends Provider {

    /**
     * Makes a new file system of this type, for the root at boot or for mount(2). The root's is empty: the kernel
     * makes /bin, /dev and its devices, /tmp and /proc in it.
     */
    FileSystem mount(FsContext context);
}
