package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/** The question cp -i, mv -i and rm -i ask: the prompt on standard error, and an answer read from standard input. */
final class Prompt {

    private Prompt() {
    }

    /** Asks {@code question}; true when the answer line starts with 'y' or 'Y'. */
    static boolean yes(Sys sys, String question) {
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, question);
        // Read a byte at a time, as a shell reads, so that what follows the answer is left for whoever reads next.
        byte[] b = new byte[1];
        int first = -1;
        while (sys.read(Fcntl.STDIN_FILENO, b, 0, 1) == 1 && b[0] != '\n') {
            if (first == -1) first = b[0];
        }
        return first == 'y' || first == 'Y';
    }
}
