package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

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
        if (Stdio.fputs(sys, STDOUT_FILENO, "hello, world\n") == Stdio.EOF) {
            Strerror.perror(sys, "hello: write");
            return 1;
        }
        return 0;
    }
}
