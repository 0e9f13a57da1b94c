package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strtol;

/** sleep(1): "suspend execution for an interval" of a whole number of seconds, then exit 0. */
public final class Sleep implements Program {

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String summary() {
        return "sleep SECONDS: suspend execution for SECONDS of simulated time";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("--")) a++;
        if (argv.length - a != 1) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: sleep seconds\n");
            return 2;
        }
        long seconds = Strtol.number(argv[a], 0, Long.MAX_VALUE);
        if (seconds == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "sleep: " + argv[a]
                    + ": bad time (a whole number of seconds)\nusage: sleep seconds\n");
            return 2;
        }
        long left = seconds;
        while (left > 0) {
            int chunk = (int) Math.min(left, Integer.MAX_VALUE);
            // sleep(3C) returns the unslept seconds when a caught signal cut it short; sleep(1) carries on.
            int unslept = sys.sleep(chunk);
            left -= chunk - Math.max(0, Math.min(unslept, chunk));
        }
        return 0;
    }
}
