package sprocket.kernel.tty;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import sprocket.api.hw.Machine;
import sprocket.api.kernel.Console;
import sprocket.api.sys.Termios;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.dev.CharDriver;

/**
 * The system's terminals and their drivers for the device switch: the console (a terminal when the host's console is
 * one) and /dev/tty.
 */
@Singleton
public final class Terminals {
    private final Sessions sessions;
    private final CharDriver consoleDriver;
    private final CharDriver controlling;

    @Inject
    Terminals(Sessions sessions, Console console, Machine machine, KernelTunables tunables) {
        this.sessions = sessions;
        long clockHz = machine.description().clockHz();
        if (console.terminal()) {
            ConsoleLine line = new ConsoleLine(console, sessions.engine(), clockHz, Math.max(1, clockHz / tunables.hz));
            // A script's transcript is a file, not a screen: its lines end in NL alone.
            Termios modes = Termios.sane();
            if (console.keyboard() == null) modes = modes.withOflag(modes.oflag() & ~Termios.ONLCR);
            Tty tty = new Tty("console", line, sessions, clockHz, modes);
            line.attach(tty);
            consoleDriver = new TtyDriver(List.of(tty));
        } else {
            consoleDriver = null;
        }
        controlling = new ControllingTty(sessions);
    }

    /** The console's driver when it is a terminal; null when the console is the host's streams as they are. */
    public CharDriver console() {
        return consoleDriver;
    }

    /** /dev/tty's driver. */
    public CharDriver controlling() {
        return controlling;
    }

    /** The sessions and their terminals. */
    public Sessions sessions() {
        return sessions;
    }
}
