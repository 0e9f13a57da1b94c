package sprocket.kernel.vfs;

import java.util.List;
import sprocket.api.fs.FileSystemProvider;

/**
 * The file-system types this kernel can mount (SVR4's vfssw): every file-system provider found, by name, and the one
 * the configuration's {@code fs} key picked for the root.
 */
public record FileSystemTypes(FileSystemProvider root, List<FileSystemProvider> all) {

    public FileSystemTypes {
        all = List.copyOf(all);
    }

    /** The type named {@code name}, or null (mount(2): ENODEV). */
    FileSystemProvider find(String name) {
        for (FileSystemProvider p : all) {
            if (p.name().equals(name)) return p;
        }
        return null;
    }
}
