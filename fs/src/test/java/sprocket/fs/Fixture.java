package sprocket.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.Vnode;
import sprocket.api.fs.PipeResult;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;

/** A memfs made through its provider, with a fake kernel and console, and helpers the tests share. */
final class Fixture {

    static final Credentials ROOT = new Credentials(0, 0, 0, 0, 022);
    static final Credentials USER = new Credentials(100, 100, 10, 10, 022);
    static final Credentials OTHER = new Credentials(200, 200, 20, 20, 022);

    final FakeKernel kernel = new FakeKernel();
    final FakeConsole console = new FakeConsole();
    final FakePipes pipes = new FakePipes(kernel);
    final FileSystem fs;

    Fixture() {
        this(1000);
    }

    Fixture(int nfile) {
        kernel.settings.put(MemFsProvider.NFILE, Integer.toString(nfile));
        fs = new MemFsProvider().create(new FsContext() {
            @Override
            public KernelServices kernel() {
                return kernel;
            }

            @Override
            public Console console() {
                return console;
            }

            @Override
            public PipeResult pipe() {
                return pipes.pipe();
            }
        });
    }

    /** Resolution from "/" as {@code c}. */
    Lookup at(Credentials c) {
        return new Lookup(fs.root(), fs.root(), c);
    }

    /** Resolution from {@code cwd} as {@code c}, root "/". */
    Lookup at(Vnode cwd, Credentials c) {
        return new Lookup(cwd, fs.root(), c);
    }

    Vnode vnode(String path) {
        var r = fs.lookup(at(ROOT), path);
        assertThat(r.errno()).as("lookup %s", path).isZero();
        return r.vnode();
    }

    OpenFile open(Lookup at, String path, int flags, int mode) {
        OpenResult r = fs.open(at, path, flags, mode);
        assertThat(r.errno()).as("open %s", path).isZero();
        return r.file();
    }

    static int write(OpenFile f, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return f.write(b, 0, b.length);
    }

    static String read(OpenFile f, int max) {
        byte[] b = new byte[max];
        int n = f.read(b, 0, max);
        assertThat(n).as("read").isNotNegative();
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
