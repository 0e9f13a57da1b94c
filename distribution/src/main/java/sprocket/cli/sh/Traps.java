package sprocket.cli.sh;

import java.util.Map;
import java.util.TreeMap;
import sprocket.api.Errno;
import sprocket.libc.Strerror;
import sprocket.api.Signals;
import sprocket.api.sys.SignalHandler;

/**
 * trap (XCU 2.14): an action for EXIT or a signal, "" to ignore it, - for the default. A caught signal only marks
 * itself pending (its handler runs at the shell's next return from the kernel, mid-command); the action runs
 * between commands, with {@code $?} kept, as POSIX asks.
 */
final class Traps {

    private Traps() {
    }

    static int trap(Shell sh, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        if (a >= argv.length) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<Integer, String> e : new TreeMap<>(sh.traps).entrySet()) {
                String name = e.getKey() == 0 ? "EXIT" : Signals.name(e.getKey()).substring(3);
                b.append("trap -- ").append(VariableBuiltins.quote(e.getValue())).append(' ').append(name).append('\n');
            }
            if (!sh.out(b.toString())) throw ShellError.command("I/O error", 1);
            return 0;
        }
        String action = argv[a];
        // "trap N..." with a number first resets, as does "trap - sig...".
        boolean reset = action.equals("-") || (argv.length - a == 1) || signal(action) >= 0 && Character.isDigit(action.charAt(0));
        if (reset && !action.equals("-")) {
            action = "-";
        } else {
            a++;
        }
        int status = 0;
        for (; a < argv.length; a++) {
            int sig = signal(argv[a]);
            if (sig < 0) {
                sh.error(argv[a] + ": bad trap");
                status = 1;
                continue;
            }
            set(sh, sig, action.equals("-") ? null : action);
        }
        return status;
    }

    /** The signal a trap condition names (EXIT or 0, HUP, SIGHUP, 1...), or -1. */
    static int signal(String name) {
        if (name.equals("EXIT") || name.equals("0")) return 0;
        int s = sprocket.cli.bin.Kill.signal(name);
        return s > 0 ? s : -1;
    }

    private static void set(Shell sh, int sig, String action) {
        if (action == null) {
            sh.traps.remove(sig);
        } else {
            sh.traps.put(sig, action);
        }
        if (sig == 0) return;
        SignalHandler h = action == null ? SignalHandler.DEFAULT : action.isEmpty() ? SignalHandler.IGNORE
                : (s, n) -> sh.pendingTraps |= Signals.bit(n);
        if (sh.sys.signal(sig, h) == null) {
            // SIGKILL and SIGSTOP cannot be caught or ignored: EINVAL, as signal(2) says.
            sh.traps.remove(sig);
            throw ShellError.command(Signals.name(sig).substring(3) + ": " + Strerror.strerror(sh.sys.errno()), 1);
        }
    }

    /** Runs the actions of signals caught since the last look, keeping $?. */
    static void runPending(Shell sh) {
        while (sh.pendingTraps != 0) {
            int sig = Integer.numberOfTrailingZeros(sh.pendingTraps);
            sh.pendingTraps &= ~Signals.bit(sig);
            String action = sh.traps.get(sig);
            if (action == null || action.isEmpty()) continue;
            int status = sh.status;
            sh.executor.evalString(action);
            sh.status = status;
        }
    }
}
