package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/** segv: stores to an address nothing maps; the kernel kills it with SIGSEGV and a core, as it should. */
public final class Segv implements sprocket.api.sys.Program {
    /** Page 1: below the text, never mapped. */
    static final long UNMAPPED = 0x1000;

    @Override
    public String name() {
        return "segv";
    }

    @Override
    public String summary() {
        return "store to an unmapped address and die of SIGSEGV (sprocket run exits 139, as a shell reports it)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        sys.cpu().store32(UNMAPPED, 1);
        Stdio.fputs(sys, STDERR_FILENO, "segv: the store to an unmapped address did not fault\n");
        return 1;
    }
}
