package sprocket.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether standard error reaches a terminal a person watches, so that a progress line there helps and harms nothing. */
final class Terminal {

    private Terminal() {
    }

    /**
     * On Linux, where descriptor 2 leads: a pseudo-terminal or a tty. Elsewhere the JVM's console, which needs
     * standard input and output on a terminal too. Never for {@code TERM=dumb}, whose display may not honour a
     * carriage return.
     */
    static boolean isStandardError(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) return false;
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return consoleIsTerminal();
    }

    /** Whether descriptors 0 and 1 both lead to a terminal (on Linux; elsewhere the JVM's console), as for {@link #isStandardError}. */
    static boolean isStandardInputAndOutput(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) return false;
        Path fd0 = Path.of("/proc/self/fd/0");
        Path fd1 = Path.of("/proc/self/fd/1");
        if (Files.isSymbolicLink(fd0) && Files.isSymbolicLink(fd1)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd0).toString())
                        && isTerminalDevice(Files.readSymbolicLink(fd1).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return consoleIsTerminal();
    }

    /** A Linux terminal device: a pseudo-terminal (/dev/pts/N), a virtual console or serial line (/dev/ttyX). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** JDK 22 added Console.isTerminal, since System.console() may then return a console that is not one. */
    private static boolean consoleIsTerminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when standard input and output are a terminal
        }
    }
}
