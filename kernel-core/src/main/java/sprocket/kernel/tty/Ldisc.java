package sprocket.kernel.tty;

import static sprocket.api.sys.Termios.*;

import java.io.ByteArrayOutputStream;
import sprocket.api.Signals;
import sprocket.api.sys.Termios;

/**
 * The line discipline (SVR4's ldterm, POSIX.1 11.1.6 "Canonical Mode Input Processing" and 11.2 "Parameters That Can
 * Be Set"): each character that arrives is mapped (ISTRIP, INLCR, IGNCR, ICRNL), may be a signal character (ISIG),
 * a flow-control character (IXON), an editing character in canonical mode (ERASE, WERASE, KILL, REPRINT, LNEXT,
 * EOF, EOL, NL), or data; it is echoed as ECHO, ECHOE, ECHOK, ECHOKE, ECHONL and ECHOCTL ask. Output is processed
 * as OPOST, ONLCR, OCRNL, ONLRET and OLCUC ask, and the column it leaves the cursor in is kept for erasing tabs.
 */
final class Ldisc {
    private static final byte BELL = 7;

    private final Tty tty;
    /** The cursor's column as this terminal's output left it. */
    private int column;
    /** The column the line being edited began in, to erase back to. */
    private int lineColumn;
    /** The next character is literal (LNEXT). */
    private boolean literal;

    Ldisc(Tty tty) {
        this.tty = tty;
    }

    private static boolean is(Termios t, int index, int c) {
        int v = t.cc(index);
        return v != (VDISABLE & 0xff) && v == c;
    }

    /** A character arrived; {@code echoed} when the host showed it already (a line edited on the host's terminal). */
    void input(int c, boolean echoed) {
        Termios t = tty.termios();
        InputQueue q = tty.input();
        if ((t.iflag() & ISTRIP) != 0) c &= 0x7f;
        boolean extended = (t.lflag() & IEXTEN) != 0;
        boolean canonical = t.local(ICANON);
        if (literal) {
            literal = false;
            if (canonical) {
                if (!echoed) erase(2); // the "^" of LNEXT's echo, and its backspace
                store(c, echoed);
                return;
            }
        }
        if (c == '\r') {
            if ((t.iflag() & IGNCR) != 0) return;
            if ((t.iflag() & ICRNL) != 0) c = '\n';
        } else if (c == '\n' && (t.iflag() & INLCR) != 0) {
            c = '\r';
        }
        if ((t.lflag() & ISIG) != 0) {
            int sig = is(t, VINTR, c) ? Signals.SIGINT : is(t, VQUIT, c) ? Signals.SIGQUIT
                    : is(t, VSUSP, c) ? Signals.SIGTSTP : 0;
            if (sig != 0) {
                if ((t.lflag() & NOFLSH) == 0) q.flush();
                if (!echoed) echoControl(c);
                tty.signalForeground(sig);
                return;
            }
        }
        if ((t.iflag() & IXON) != 0) {
            if (is(t, VSTOP, c)) {
                tty.stopOutput(true);
                return;
            }
            if (is(t, VSTART, c)) {
                tty.stopOutput(false);
                return;
            }
            if ((t.iflag() & IXANY) != 0) tty.stopOutput(false);
        }
        if (!canonical) {
            if (!q.put((byte) c)) {
                bell(t);
                return;
            }
            if (!echoed) echo(c);
            tty.inputArrived();
            return;
        }
        if (extended && is(t, VLNEXT, c)) {
            literal = true;
            if (!echoed && t.local(ECHO)) {
                output(new byte[] {'^', '\b'});
                column = Math.max(lineColumn, column);
            }
            return;
        }
        if (is(t, VERASE, c)) {
            if (q.erase() && !echoed) eraseEcho(t, c, q.editLength());
            return;
        }
        if (extended && is(t, VWERASE, c)) {
            while (q.editLength() > 0 && blank(q.editAt(q.editLength() - 1))) eraseOne(t, c);
            while (q.editLength() > 0 && !blank(q.editAt(q.editLength() - 1))) eraseOne(t, c);
            return;
        }
        if (is(t, VKILL, c)) {
            kill(t, c, echoed);
            return;
        }
        if (extended && is(t, VREPRINT, c)) {
            if (!echoed) reprint(t, c);
            return;
        }
        if (is(t, VEOF, c)) {
            q.finish(-1);
            lineColumn = column;
            tty.inputArrived();
            return;
        }
        if (c == '\n' || is(t, VEOL, c) || is(t, VEOL2, c)) {
            q.finish(c);
            if (!echoed && (t.local(ECHO) || c == '\n' && t.local(ECHONL))) echo(c);
            lineColumn = column;
            tty.inputArrived();
            return;
        }
        store(c, echoed);
    }

    private void store(int c, boolean echoed) {
        Termios t = tty.termios();
        if (!tty.input().append((byte) c)) {
            bell(t);
            return;
        }
        if (!echoed) echo(c);
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t';
    }

    private void eraseOne(Termios t, int c) {
        InputQueue q = tty.input();
        if (q.erase()) eraseEcho(t, c, q.editLength());
    }

    /** Echo for an ERASE that removed the character at {@code at}: backspace over it (ECHOE), else the ERASE. */
    private void eraseEcho(Termios t, int c, int at) {
        if (!t.local(ECHO)) return;
        if (!t.local(ECHOE)) {
            echo(c);
            return;
        }
        int target = columnAfter(at);
        erase(column - target);
    }

    /** The column the cursor would be in after echoing the first {@code n} characters of the line being edited. */
    private int columnAfter(int n) {
        InputQueue q = tty.input();
        Termios t = tty.termios();
        int col = lineColumn;
        for (int i = 0; i < n; i++) {
            int b = q.editAt(i) & 0xff;
            if (b == '\t') {
                col = (col | 7) + 1;
            } else if ((b < ' ' || b == 0177) && t.local(ECHOCTL)) {
                col += 2;
            } else {
                col++;
            }
        }
        return col;
    }

    /** Backspace, space, backspace, {@code n} times: the characters go from the screen. */
    private void erase(int n) {
        if (n <= 0) return;
        byte[] b = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            b[3 * i] = '\b';
            b[3 * i + 1] = ' ';
            b[3 * i + 2] = '\b';
        }
        output(b);
    }

    private void kill(Termios t, int c, boolean echoed) {
        InputQueue q = tty.input();
        int had = q.editLength();
        q.kill();
        if (echoed || !t.local(ECHO)) return;
        if (t.local(ECHOKE) && t.local(ECHOE)) {
            if (had > 0) erase(column - lineColumn);
            return;
        }
        echo(c);
        if (t.local(ECHOK)) output(new byte[] {'\n'});
        lineColumn = column;
    }

    private void reprint(Termios t, int c) {
        if (!t.local(ECHO)) return;
        echo(c);
        output(new byte[] {'\n'});
        lineColumn = column;
        byte[] line = tty.input().editing();
        for (byte b : line) echo(b & 0xff);
    }

    private void bell(Termios t) {
        if ((t.iflag() & IMAXBEL) != 0) output(new byte[] {BELL});
    }

    /** ECHO: the character as typed, a control character as ^X with ECHOCTL (but tab and newline as they are). */
    private void echo(int c) {
        Termios t = tty.termios();
        if (!t.local(ECHO)) return;
        if (t.local(ECHOCTL) && (c < ' ' && c != '\t' && c != '\n' || c == 0177)) {
            echoControl(c);
            return;
        }
        output(new byte[] {(byte) c});
    }

    private void echoControl(int c) {
        Termios t = tty.termios();
        if (!t.local(ECHO) || !t.local(ECHOCTL)) return;
        output(new byte[] {'^', (byte) (c == 0177 ? '?' : c + '@')});
    }

    /** Echo output goes to the device as process output does, through output processing. */
    private void output(byte[] b) {
        tty.transmit(process(b, 0, b.length));
    }

    /** Output processing (OPOST) of {@code len} bytes, keeping the column. */
    byte[] process(byte[] b, int off, int len) {
        Termios t = tty.termios();
        int o = t.oflag();
        boolean post = (o & OPOST) != 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 8);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (post) {
                if (c == '\n' && (o & ONLCR) != 0) {
                    out.write('\r');
                } else if (c == '\r' && (o & OCRNL) != 0) {
                    c = '\n';
                } else if (c == '\r' && (o & ONOCR) != 0 && column == 0) {
                    continue;
                }
                if ((o & OLCUC) != 0 && c >= 'a' && c <= 'z') c -= 'a' - 'A';
            }
            out.write(c);
            advance(c);
        }
        return out.toByteArray();
    }

    private void advance(int c) {
        switch (c) {
            case '\n', '\r' -> column = 0;
            case '\b' -> column = Math.max(0, column - 1);
            case '\t' -> column = (column | 7) + 1;
            default -> {
                if (c >= ' ' && c != 0177) column++;
            }
        }
    }

    /** The line being edited starts where the cursor is now (after output from a program: a prompt). */
    void outputWritten() {
        if (tty.input().editLength() == 0) lineColumn = column;
    }
}
