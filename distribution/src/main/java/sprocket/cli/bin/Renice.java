package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Resource;
import sprocket.api.sys.Sys;
import sprocket.libc.Passwd;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * renice(1): "alter priority of running processes": adds {@code -n N} to the nice value of each process ({@code -p},
 * the default), process group ({@code -g}) or user ({@code -u}, a name from /etc/passwd or a number) named, or sets it
 * to N in the old form {@code renice N [-p] pid...}. Only root may lower a nice value. Each change is
 * getpriority(2) then setpriority(2). Exit 0 when every change was made, 1 otherwise, 2 for a usage error.
 */
public final class Renice implements Program {

    private static final String USAGE = "usage: renice [-n increment] [-g | -p | -u] id...\n"
            + "       renice priority [-p] pid... [-g pgrp...] [-u user...]\n";

    @Override
    public String name() {
        return "renice";
    }

    @Override
    public String summary() {
        return "renice [-n N] [-g|-p|-u] ID...: change the nice value of processes";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        long value;
        boolean relative;
        if (a < argv.length && argv[a].equals("-n")) {
            if (a + 1 >= argv.length) return Usage.fail(sys, USAGE);
            value = Strtol.number(argv[a + 1], -1000, 1000);
            relative = true;
            a += 2;
        } else if (a < argv.length) {
            value = Strtol.number(argv[a], -1000, 1000);
            relative = false;
            a++;
        } else {
            return Usage.fail(sys, USAGE);
        }
        if (value == Strtol.BAD_NUMBER) return Usage.fail(sys, USAGE);
        int which = Resource.PRIO_PROCESS;
        int status = 0;
        boolean any = false;
        for (; a < argv.length; a++) {
            switch (argv[a]) {
                case "-p" -> which = Resource.PRIO_PROCESS;
                case "-g" -> which = Resource.PRIO_PGRP;
                case "-u" -> which = Resource.PRIO_USER;
                default -> {
                    any = true;
                    int who = id(sys, which, argv[a]);
                    if (who < 0) {
                        Text.error(sys, "renice: " + argv[a] + ": " + (which == Resource.PRIO_USER ? "unknown user"
                                : "bad value"));
                        status = 1;
                    } else if (!change(sys, which, who, (int) value, relative, argv[a])) {
                        status = 1;
                    }
                }
            }
        }
        return any ? status : Usage.fail(sys, USAGE);
    }

    /** The id an operand names: a number, or for -u a login name; -1 for neither. */
    private static int id(Sys sys, int which, String s) {
        long n = Strtol.number(s, 0, Integer.MAX_VALUE);
        if (n != Strtol.BAD_NUMBER) return (int) n;
        if (which != Resource.PRIO_USER) return -1;
        Passwd pw = Passwd.getpwnam(sys, s);
        return pw == null ? -1 : pw.uid();
    }

    /** getpriority, then setpriority to the new value; false after reporting a failure. */
    private static boolean change(Sys sys, int which, int who, int value, boolean relative, String operand) {
        int old = 0;
        if (relative) {
            sys.errno(0);
            old = sys.getpriority(which, who);
            if (old == -1 && sys.errno() != 0) {
                Strerror.perror(sys, "renice: " + operand + ": getpriority");
                return false;
            }
        }
        int prio = Math.max(-20, Math.min(19, relative ? old + value : value));
        if (sys.setpriority(which, who, prio) == -1) {
            Strerror.perror(sys, "renice: " + operand + ": setpriority");
            return false;
        }
        return true;
    }
}
