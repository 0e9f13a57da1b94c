package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** hello: the first program of K&amp;R, chapter 1. */
public final class Hello implements Program {

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String summary() {
        return "print \"hello, world\"";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (!Libc.puts(sys, "hello, world\n")) {
            Libc.perror(sys, "hello: write");
            return 1;
        }
        return 0;
    }
}
