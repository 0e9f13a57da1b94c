package sprocket.kernel.tty;

import static sprocket.api.Signals.SIGCONT;
import static sprocket.api.Signals.SIGHUP;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.engine.ThreadState;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.signal.Stop;

/**
 * Sessions and their controlling terminals, and the job control that rests on them (POSIX.1 "Process Groups",
 * "Controlling Terminal", "Terminal Access Control"). A session has at most one controlling terminal, which has at
 * most one session; the kernel keeps the link on the terminal (its session id and foreground process group). A session
 * leader without one acquires the first terminal it opens without O_NOCTTY (the System V rule), or asks with
 * TIOCSCTTY; when it exits, the foreground group gets SIGHUP and the terminal is free again; a process group that its
 * exit leaves orphaned with a stopped member gets SIGHUP and SIGCONT.
 */
@Singleton
public final class Sessions {
    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final Stop stop;
    private final List<Tty> ttys = new ArrayList<>(2);

    @Inject
    Sessions(Engine engine, ProcTable table, Signals signals, Stop stop) {
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.stop = stop;
    }

    void register(Tty t) {
        ttys.add(t);
    }

    Engine engine() {
        return engine;
    }

    /** The process making the call. */
    Proc caller() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("a terminal was used outside a process");
        return (Proc) t;
    }

    /** The controlling terminal of {@code p}'s session, or null. */
    Tty controlling(Proc p) {
        if (p.sid == 0) return null;
        for (Tty t : ttys) {
            if (t.sid == p.sid) return t;
        }
        return null;
    }

    /** open(2) of {@code t}: a session leader with no controlling terminal acquires it (O_NOCTTY declines). */
    void opened(Tty t, boolean noctty) {
        Proc p = caller();
        if (noctty || p.sid != p.pid || t.sid != 0 || controlling(p) != null) return;
        attach(t, p);
    }

    private static void attach(Tty t, Proc leader) {
        t.sid = leader.sid;
        t.pgrp = leader.pgid;
    }

    /**
     * TIOCSCTTY: the calling session leader, with no controlling terminal, makes {@code t} its own; EPERM when it is not
     * a session leader or already has one, or when {@code t} is another session's (unless root asks with
     * {@code steal}: that session loses it).
     */
    void setControlling(Tty t, boolean steal) {
        Proc p = caller();
        if (p.sid != p.pid) throw ErrnoException.of(Errno.EPERM);
        if (t.sid == p.sid) return;
        if (controlling(p) != null) throw ErrnoException.of(Errno.EPERM);
        if (t.sid != 0) {
            if (!steal || !p.cred.root()) throw ErrnoException.of(Errno.EPERM);
            disassociate(t);
        }
        attach(t, p);
    }

    /** TIOCNOTTY: the session leader gives its controlling terminal up; its foreground group gets SIGHUP. */
    void dropControlling(Tty t) {
        Proc p = caller();
        if (t.sid != p.sid || p.sid == 0) throw ErrnoException.of(Errno.ENOTTY);
        if (p.sid != p.pid) throw ErrnoException.of(Errno.EPERM);
        hangUpForeground(t);
    }

    /**
     * The file {@code t} must be the caller's controlling terminal (tcgetpgrp(3C), tcsetpgrp(3C), tcgetsid(3C): "ENOTTY
     * The calling process does not have a controlling terminal, or the file is not the controlling terminal").
     */
    Proc requireControlling(Tty t) {
        Proc p = caller();
        if (t.sid == 0 || t.sid != p.sid) throw ErrnoException.of(Errno.ENOTTY);
        return p;
    }

    /**
     * tcsetpgrp(3C): "EINVAL ... pgrp_id is not supported" for a negative or zero id; "EPERM The value of pgrp_id is a
     * value supported by the implementation, but does not match the process group ID of a process in the same session
     * as the calling process."
     */
    void setForeground(Tty t, int pgrp) {
        Proc p = requireControlling(t);
        if (pgrp <= 0) throw ErrnoException.of(Errno.EINVAL);
        control(t);
        for (Proc q : table.all()) {
            if (q.alive() && q.pgid == pgrp && q.sid == p.sid) {
                t.pgrp = pgrp;
                return;
            }
        }
        throw ErrnoException.of(Errno.EPERM);
    }

    // ---- terminal access control (POSIX.1 11.1.4)

    /**
     * A read of {@code t} by a process of a background group of its session: EIO when SIGTTIN is ignored or blocked or
     * the group is orphaned; otherwise the group gets SIGTTIN and, by its default action, the caller stops here and
     * reads once it is continued (EINTR when it catches the signal).
     */
    void mayRead(Tty t) {
        while (background(t)) {
            Proc p = caller();
            if (refuses(p, sprocket.api.Signals.SIGTTIN) || orphaned(p.pgid, null)) throw ErrnoException.of(Errno.EIO);
            stopFor(p, sprocket.api.Signals.SIGTTIN);
        }
    }

    /** A write by a background process with TOSTOP set: SIGTTOU as for {@link #mayRead}, but ignored or blocked lets it write. */
    void mayWrite(Tty t) {
        while (background(t)) {
            Proc p = caller();
            if (refuses(p, sprocket.api.Signals.SIGTTOU)) return;
            if (orphaned(p.pgid, null)) throw ErrnoException.of(Errno.EIO);
            stopFor(p, sprocket.api.Signals.SIGTTOU);
        }
    }

    /**
     * tcsetattr, tcsetpgrp, tcflush, tcdrain and tcflow by a background process: "the process group shall be sent a
     * SIGTTOU signal", unless the caller blocks or ignores it, whatever TOSTOP says.
     */
    void control(Tty t) {
        mayWrite(t);
    }

    private boolean background(Tty t) {
        Proc p = caller();
        return t.sid != 0 && p.sid == t.sid && p.pgid != t.pgrp;
    }

    private static boolean refuses(Proc p, int sig) {
        return p.sig.handler(sig) == SignalHandler.IGNORE || (p.sig.blocked() & sprocket.api.Signals.bit(sig)) != 0;
    }

    /** Sends {@code sig} to the caller's group; stops the caller here if the signal's default action applies to it. */
    private void stopFor(Proc p, int sig) {
        signalGroup(p.pgid, sig);
        if (p.sig.handler(sig) != SignalHandler.DEFAULT) throw ErrnoException.of(Errno.EINTR);
        stop.stopInCall(p, sig);
        if (p.signalPending()) throw ErrnoException.of(Errno.EINTR);
    }

    /** Posts {@code sig} to every process of group {@code pgid}. */
    void signalGroup(int pgid, int sig) {
        if (pgid <= 0) return;
        for (Proc q : table.all().toArray(new Proc[0])) {
            if (q.pgid == pgid && q.alive()) signals.post(q, sig);
        }
    }

    /**
     * A signal character typed on {@code t}: its foreground group gets {@code sig}; a stop signal to an orphaned group
     * is not sent, as POSIX.1 has it, since nothing would continue it.
     */
    void signalForeground(Tty t, int sig) {
        if (t.pgrp == 0) return;
        if (sig == sprocket.api.Signals.SIGTSTP && orphaned(t.pgrp, null)) return;
        signalGroup(t.pgrp, sig);
    }

    /**
     * POSIX.1 "Orphaned Process Group": one in which the parent of every member is either itself a member of the group
     * or is not a member of the group's session. {@code leaving} is a process about to exit, counted out, its children
     * counted as init's.
     */
    boolean orphaned(int pgid, Proc leaving) {
        Proc init = table.get(Signals.INIT_PID);
        boolean members = false;
        for (Proc q : table.all()) {
            if (q == leaving || q.pgid != pgid || !q.alive()) continue;
            members = true;
            Proc parent = q.parent == leaving ? init : q.parent;
            if (parent != null && parent != leaving && parent.alive() && parent.pgid != pgid && parent.sid == q.sid) {
                return false;
            }
        }
        return members;
    }

    // ---- exit(2)

    /**
     * The process {@code p} is exiting. If it is a controlling process (a session leader with a controlling terminal),
     * exit(2): "the SIGHUP signal shall be sent to each process in the foreground process group of the controlling
     * terminal" and the terminal is disassociated from the session. And: "If the exit of the process causes a process
     * group to become orphaned, and if any member of the newly-orphaned process group is stopped, then a SIGHUP signal
     * followed by a SIGCONT signal shall be sent to each process in the newly-orphaned process group." Called before
     * its children go to init.
     */
    public void exiting(Proc p) {
        if (p.sid == p.pid) {
            Tty t = controlling(p);
            if (t != null) hangUpForeground(t);
        }
        List<Integer> groups = new ArrayList<>(2);
        // p's own group loses it; each child's group in p's session may lose its link outside the group.
        if (p.parent != null && p.parent.pgid != p.pgid && p.parent.sid == p.sid) groups.add(p.pgid);
        for (Proc c : p.children) {
            if (c.alive() && c.pgid != p.pgid && c.sid == p.sid && !groups.contains(c.pgid)) groups.add(c.pgid);
        }
        for (int g : groups) {
            if (!orphaned(g, p) || !anyStopped(g, p)) continue;
            signalGroup(g, SIGHUP);
            signalGroup(g, SIGCONT);
        }
    }

    private boolean anyStopped(int pgid, Proc leaving) {
        for (Proc q : table.all()) {
            if (q != leaving && q.pgid == pgid && q.alive() && q.state() == ThreadState.STOPPED) return true;
        }
        return false;
    }

    private void hangUpForeground(Tty t) {
        int fg = t.pgrp;
        disassociate(t);
        signalGroup(fg, SIGHUP);
    }

    private static void disassociate(Tty t) {
        t.sid = 0;
        t.pgrp = 0;
    }
}
