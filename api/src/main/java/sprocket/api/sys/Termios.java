package sprocket.api.sys;

import java.util.Arrays;

/**
 * termios(7)'s {@code struct termios}, with the System V values IRIX uses (sys/termios.h): the input, output, control
 * and local modes and the control characters. Immutable: {@link #with} and the {@code set}/{@code clear} methods make
 * changed copies, as a program changes a copy it got from tcgetattr(3C) and hands it to tcsetattr(3C).
 */
public record Termios(int iflag, int oflag, int cflag, int lflag, byte[] cc) {

    // ---- c_iflag
    public static final int IGNBRK = 0000001;
    public static final int BRKINT = 0000002;
    public static final int IGNPAR = 0000004;
    public static final int PARMRK = 0000010;
    public static final int INPCK = 0000020;
    public static final int ISTRIP = 0000040;
    public static final int INLCR = 0000100;
    public static final int IGNCR = 0000200;
    public static final int ICRNL = 0000400;
    public static final int IUCLC = 0001000;
    public static final int IXON = 0002000;
    public static final int IXANY = 0004000;
    public static final int IXOFF = 0010000;
    public static final int IMAXBEL = 0020000;

    // ---- c_oflag
    public static final int OPOST = 0000001;
    public static final int OLCUC = 0000002;
    public static final int ONLCR = 0000004;
    public static final int OCRNL = 0000010;
    public static final int ONOCR = 0000020;
    public static final int ONLRET = 0000040;
    public static final int TAB3 = 0014000;

    // ---- c_cflag
    public static final int CBAUD = 0000017;
    public static final int B0 = 0;
    public static final int B9600 = 0000015;
    public static final int B19200 = 0000016;
    public static final int B38400 = 0000017;
    public static final int CSIZE = 0000060;
    public static final int CS8 = 0000060;
    public static final int CSTOPB = 0000100;
    public static final int CREAD = 0000200;
    public static final int PARENB = 0000400;
    public static final int PARODD = 0001000;
    public static final int HUPCL = 0002000;
    public static final int CLOCAL = 0004000;

    // ---- c_lflag
    public static final int ISIG = 0000001;
    public static final int ICANON = 0000002;
    public static final int ECHO = 0000010;
    public static final int ECHOE = 0000020;
    public static final int ECHOK = 0000040;
    public static final int ECHONL = 0000100;
    public static final int NOFLSH = 0000200;
    public static final int TOSTOP = 0000400;
    public static final int ECHOCTL = 0001000;
    public static final int ECHOPRT = 0002000;
    public static final int ECHOKE = 0004000;
    public static final int FLUSHO = 0020000;
    public static final int PENDIN = 0040000;
    public static final int IEXTEN = 0100000;

    // ---- c_cc indices. System V shares VMIN with VEOF and VTIME with VEOL: they mean MIN and TIME when ICANON is off.
    public static final int VINTR = 0;
    public static final int VQUIT = 1;
    public static final int VERASE = 2;
    public static final int VKILL = 3;
    public static final int VEOF = 4;
    public static final int VEOL = 5;
    public static final int VEOL2 = 6;
    public static final int VMIN = 4;
    public static final int VTIME = 5;
    public static final int VSWTCH = 7;
    public static final int VSTART = 8;
    public static final int VSTOP = 9;
    public static final int VSUSP = 10;
    public static final int VDSUSP = 11;
    public static final int VREPRINT = 12;
    public static final int VDISCARD = 13;
    public static final int VWERASE = 14;
    public static final int VLNEXT = 15;
    /** The number of control characters (IRIX's NCCS). */
    public static final int NCCS = 23;
    /** A control character set to this is disabled (_POSIX_VDISABLE). */
    public static final byte VDISABLE = 0;

    // ---- tcsetattr(3C) optional_actions
    public static final int TCSANOW = 0;
    public static final int TCSADRAIN = 1;
    public static final int TCSAFLUSH = 2;
    // ---- tcflush(3C) queue_selector
    public static final int TCIFLUSH = 0;
    public static final int TCOFLUSH = 1;
    public static final int TCIOFLUSH = 2;
    // ---- tcflow(3C) action
    public static final int TCOOFF = 0;
    public static final int TCOON = 1;
    public static final int TCIOFF = 2;
    public static final int TCION = 3;

    /** The byte a control key sends: {@code ctrl('C')} is 3. */
    public static byte ctrl(char c) {
        return (byte) (c & 037);
    }

    /** The sane settings a terminal opens with (stty sane): canonical input with echo and signals, NL to CR-NL. */
    public static Termios sane() {
        byte[] cc = new byte[NCCS];
        cc[VINTR] = ctrl('C');
        cc[VQUIT] = 034;
        cc[VERASE] = 0177;
        cc[VKILL] = ctrl('U');
        cc[VEOF] = ctrl('D');
        cc[VSTART] = ctrl('Q');
        cc[VSTOP] = ctrl('S');
        cc[VSUSP] = ctrl('Z');
        cc[VDSUSP] = ctrl('Y');
        cc[VREPRINT] = ctrl('R');
        cc[VDISCARD] = ctrl('O');
        cc[VWERASE] = ctrl('W');
        cc[VLNEXT] = ctrl('V');
        return new Termios(BRKINT | ICRNL | IXON | IMAXBEL, OPOST | ONLCR, B9600 | CS8 | CREAD | HUPCL,
                ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN, cc);
    }

    public Termios {
        if (cc == null || cc.length != NCCS) throw new IllegalArgumentException("c_cc must have NCCS entries");
        cc = cc.clone();
    }

    /** The control characters, a copy. */
    @Override
    public byte[] cc() {
        return cc.clone();
    }

    /** Control character {@code index}, unsigned. */
    public int cc(int index) {
        return cc[index] & 0xff;
    }

    /** A copy with control character {@code index} set to {@code value}. */
    public Termios with(int index, int value) {
        byte[] c = cc.clone();
        c[index] = (byte) value;
        return new Termios(iflag, oflag, cflag, lflag, c);
    }

    public Termios withIflag(int v) {
        return new Termios(v, oflag, cflag, lflag, cc);
    }

    public Termios withOflag(int v) {
        return new Termios(iflag, v, cflag, lflag, cc);
    }

    public Termios withCflag(int v) {
        return new Termios(iflag, oflag, v, lflag, cc);
    }

    public Termios withLflag(int v) {
        return new Termios(iflag, oflag, cflag, v, cc);
    }

    /** Whether every bit of {@code bits} is set in c_lflag. */
    public boolean local(int bits) {
        return (lflag & bits) == bits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Termios t && t.iflag == iflag && t.oflag == oflag && t.cflag == cflag && t.lflag == lflag
                && Arrays.equals(t.cc, cc);
    }

    @Override
    public int hashCode() {
        return ((iflag * 31 + oflag) * 31 + cflag) * 31 + lflag + Arrays.hashCode(cc);
    }

    @Override
    public String toString() {
        return String.format("Termios[iflag=%o, oflag=%o, cflag=%o, lflag=%o, cc=%s]", iflag, oflag, cflag, lflag,
                Arrays.toString(cc));
    }
}
