package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.kernel.Credentials;
import sprocket.kernel.dev.Cdevsw;
import sprocket.kernel.uio.UserCopy;

/**
 * The kernel's file layer as the system calls see it (name space, open file table, open), over the file-system
 * types the module path offers (memfs and proc), a fake kernel, console and IPC module; with the calls in the shape a
 * test reads best: each answers 0 or the errno it failed with.
 */
final class Fixture {

    static final Credentials ROOT = new Credentials(0, 0, 0, 0, 022);
    static final Credentials USER = new Credentials(100, 100, 10, 10, 022);
    static final Credentials OTHER = new Credentials(200, 200, 20, 20, 022);

    final FakeKernel kernel = new FakeKernel();
    final FakeConsole console = new FakeConsole();
    final FakePipes pipes = new FakePipes(kernel);
    final NameSpace names;
    final FileTable files;
    /** The in-core inode table (kernel.ninode). */
    final InodeTable inodes;
    final VnOpen vn;
    /** The path-named calls, answering errnos. */
    final PathCalls fs;

    Fixture() {
        this(1000);
    }

    Fixture(int nfile) {
        this(nfile, types("memfs"));
    }

    Fixture(int nfile, FileSystemTypes types) {
        this(nfile, 1000, types);
    }

    Fixture(int nfile, int ninode, FileSystemTypes types) {
        inodes = new InodeTable(ninode);
        names = new NameSpace(types, kernel, inodes);
        files = new FileTable(nfile, kernel, new UserCopy(null, null, 1, kernel));
        vn = new VnOpen(files, new Cdevsw(console, null, new StandInTty(console)), pipes, kernel);
        fs = new PathCalls(this);
    }

    /** Every file-system type on the module path, the one named {@code root} making the root. */
    static FileSystemTypes types(String root) {
        List<FileSystemProvider> all = new ArrayList<>();
        ServiceLoader.load(FileSystemProvider.class).forEach(all::add);
        FileSystemProvider r = all.stream().filter(p -> p.name().equals(root)).findFirst().orElseThrow();
        return new FileSystemTypes(r, all);
    }

    /** Resolution from "/" as {@code c}. */
    NameContext at(Credentials c) {
        return new NameContext(names.root(), names.root(), c);
    }

    /** Resolution from {@code cwd} as {@code c}, root "/". */
    NameContext at(Vnode cwd, Credentials c) {
        return new NameContext(cwd, names.root(), c);
    }

    Vnode vnode(String path) {
        return vnode(path, true);
    }

    /** The file {@code path} names, or with {@code follow} false a final symbolic link itself. */
    Vnode vnode(String path, boolean follow) {
        return names.lookup(at(ROOT), path, follow);
    }

    Entry open(NameContext at, String path, int flags, int mode) {
        return new Entry(vn.open(at, path, flags, mode), kernel);
    }

    /** 0, or the errno {@code call} failed with. */
    static int errno(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }

    static int write(Entry f, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return f.write(b, 0, b.length);
    }

    static String read(Entry f, int max) {
        byte[] b = new byte[max];
        int n = f.read(b, 0, max);
        assertThat(n).as("read").isNotNegative();
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
